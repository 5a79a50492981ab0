// Client-safe shape of an unused grant (lib/dashboards/unused-grants.ts).
export type UnusedGrant = {
  grantId: string;
  requestId: string;
  productId: string;
  productName: string;
  productSlug: string;
  team: string;
  teamId: string;
  topic: string;
  principal: string;
  grantedAt: string;
  lastActiveAt: string | null;
  days: number;
};
