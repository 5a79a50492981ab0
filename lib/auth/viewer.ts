// The signed-in user as the domain sees them: identity, platform roles and team memberships.
// Plain data, so permission rules stay pure functions that are easy to test.

export type TeamRole = "MAINTAINER" | "MEMBER";

export type ViewerMembership = {
  teamId: string;
  teamSlug: string;
  teamName: string;
  domainId: string;
  role: TeamRole;
};

export type Viewer = {
  id: string;
  name: string;
  email: string | null;
  isPlatformAdmin: boolean;
  isDataProtectionApprover: boolean;
  memberships: ViewerMembership[];
};

/** What a session cookie names: who, and which sign-in (a Session row, docs/decisions/0030). */
export type SessionRef = { userId: string; sessionId: string };

export function membershipIn(viewer: Viewer, teamId: string): ViewerMembership | undefined {
  return viewer.memberships.find((m) => m.teamId === teamId);
}

export function teamIds(viewer: Viewer): string[] {
  return viewer.memberships.map((m) => m.teamId);
}
