// Client-safe shapes of the dashboard pages (plain JSON: numbers and ISO strings).
import type { Freshness } from "./freshness";
import type { SeriesPoint } from "./series";

export type WorstConsumer = { group: string; team: string | null; lag: number; timeLagSeconds: number };

export type ProductHealthRow = {
  id: string;
  slug: string;
  name: string;
  team: string;
  freshness: Freshness;
  produceRate: number;
  /** Messages per second over the last 24 hours, 30-minute buckets. */
  sparkline: SeriesPoint[];
  consumers: number;
  worst: WorstConsumer | null;
  problems: string[];
  openRequests: number;
};

export type DashboardEvent = { id: string; at: string; actor: string; action: string; targetType: string; targetId: string; href: string | null };

export type OwnerDashboard = {
  products: ProductHealthRow[];
  summary: { products: number; openRequests: number; objectivesMissed: number; lagging: number; problems: number };
  events: DashboardEvent[];
};
