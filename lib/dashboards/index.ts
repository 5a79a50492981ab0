import "server-only";
// lib/dashboards: what the dashboard pages show, read from the cluster index and the catalog.

export { getOwnerDashboard, ownsProducts } from "./owner-dashboard";
export type * from "./types";
