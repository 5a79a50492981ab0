import "server-only";
// What next-auth's sign-in calls (lib/auth/config.ts): the groups of a sign-in's claims, applied by the rules.
export { applyProviderGroups } from "./apply-groups";
export { groupsFromClaims } from "./rules";
