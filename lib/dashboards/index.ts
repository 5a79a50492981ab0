import "server-only";
// lib/dashboards: what the dashboard pages show, read from the cluster index and the catalog.

export { getOwnerDashboard, ownsProducts } from "./owner-dashboard";
export { getProductHealth, type ProductHealth, type HealthConsumer, type PartitionRow } from "./product-health";
export type * from "./types";
export { findUnusedGrants, flagUnusedGrants, type UnusedGrant } from "./unused-grants";
export { startDashboardJobs } from "./jobs";
export { getMyAccess, type MyAccess, type MyGrant } from "./my-access";
export { getClusterOverview, type ClusterOverview } from "./cluster-overview";
