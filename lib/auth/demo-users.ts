import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/** Users the demo picker offers; empty unless demo sign-in is enabled. */
export async function listDemoUsers() {
  if (!env.MESHPORT_DEMO_SIGNIN) return [];
  return db.user.findMany({
    where: { isDemo: true },
    orderBy: [{ isPlatformAdmin: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      isPlatformAdmin: true,
      isDataProtectionApprover: true,
      memberships: { select: { role: true, team: { select: { name: true } } } },
    },
  });
}
