import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { loadPolicies } from "./load-policies";
import { findViolations, type ProductComplianceFacts, type Violation } from "./violations";

const HOUR_MS = 3_600_000;

/** Every live (not retired) product with its ports, as the violation checks take them. */
export async function loadComplianceFacts(): Promise<ProductComplianceFacts[]> {
  const products = await db.dataProduct.findMany({
    where: { lifecycle: { not: "RETIRED" } },
    orderBy: [{ name: "asc" }, { slug: "asc" }],
    select: {
      slug: true,
      name: true,
      lifecycle: true,
      classification: true,
      containsPii: true,
      tags: true,
      consumerCount: true,
      ownerTeam: { select: { name: true } },
      outputPorts: {
        orderBy: { topic: "asc" },
        select: { topic: true, partitions: true, replicationFactor: true, retentionMs: true, compatibility: true },
      },
    },
  });
  return products.map(({ ownerTeam, outputPorts, ...p }) => ({
    ...p,
    teamName: ownerTeam.name,
    ports: outputPorts.map(({ retentionMs, ...port }) => ({ ...port, retentionHours: Number(retentionMs) / HOUR_MS })),
  }));
}

/** The products and ports that break the policies in force, with the rule each breaks. Admins only; nothing is changed. */
export async function listPolicyViolations(viewer: Viewer): Promise<Violation[]> {
  assertCan(viewer, { permission: "manage:policies" });
  const [facts, policies] = await Promise.all([loadComplianceFacts(), loadPolicies()]);
  return findViolations(facts, policies);
}
