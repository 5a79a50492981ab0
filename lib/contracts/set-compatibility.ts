import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { invalid } from "@/lib/errors";
import { loadPolicies } from "@/lib/governance";
import { provisionNow } from "@/lib/provisioning";
import type { CompatibilityMode } from "@/lib/schema-registry";
import { satisfiesFloor } from "./compatibility";
import { loadOwnedPort } from "./port-context";

/**
 * Sets a port's compatibility mode. Within policy: an active product that has consumers may not go
 * below the organisation's weakest allowed mode. The registry's subject config follows through the
 * port's retried provisioning job (it sets the level explicitly on every sync).
 */
export async function setPortCompatibility(
  viewer: Viewer,
  input: { outputPortId: string; compatibility: CompatibilityMode },
): Promise<{ compatibility: CompatibilityMode; warning?: string }> {
  const port = await loadOwnedPort(viewer, input.outputPortId);
  const policies = await loadPolicies();
  const consumers = await db.grant.count({ where: { outputPortId: port.id, kind: "CONSUME", status: "ACTIVE" } });
  if (port.dataProduct.lifecycle === "ACTIVE" && consumers > 0 && !satisfiesFloor(input.compatibility, policies.minSchemaCompatibility)) {
    throw invalid("The organisation's policy does not allow this mode here.", {
      compatibility: `Active products with consumers must keep at least ${policies.minSchemaCompatibility} compatibility (${consumers} team${consumers === 1 ? "" : "s"} read this port).`,
    });
  }
  if (port.compatibility === input.compatibility) return { compatibility: input.compatibility };
  await db.$transaction(async (tx) => {
    await tx.outputPort.update({ where: { id: port.id }, data: { compatibility: input.compatibility, provisioning: "PENDING" } });
    await recordAudit(tx, {
      actor: viewer,
      action: "output-port.compatibility-changed",
      targetType: "output-port",
      targetId: port.id,
      before: { compatibility: port.compatibility },
      after: { compatibility: input.compatibility },
    });
  });
  const outcome = await provisionNow({ kind: "output-port", id: port.id });
  return {
    compatibility: input.compatibility,
    warning: outcome.ok ? undefined : `Saved; the registry has not caught up yet (${outcome.error}). Meshport keeps retrying.`,
  };
}
