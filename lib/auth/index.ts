// lib/auth: who the viewer is and what they may do. Pure rules and viewer loading;
// the next-auth session binding lives in "@/lib/auth/session" (pages, actions, route handlers).
export { assertCan, can, denialReason, type LifecycleTransition, type PermissionCheck, type AccessRequestRef, type ApprovalStep, type DomainContext } from "./permissions";
export { membershipIn, teamIds, type SessionRef, type Viewer, type ViewerMembership, type TeamRole } from "./viewer";
export { loadViewer } from "./load-viewer";
