import "server-only";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { invalid } from "@/lib/errors";
import { loadOwnedPort, parseStored } from "./port-context";
import { qualityRulesSchema } from "./quality";
import { ensureContractBaseline, recordContractVersion } from "./product-contract";

export const portContractSchema = z.object({
  outputPortId: z.string().min(1),
  qualityRules: qualityRulesSchema,
  personalDataFields: z.array(z.string().trim().min(1).max(200)).max(100),
});
export type PortContractInput = z.infer<typeof portContractSchema>;

/**
 * Sets a port's quality rules and personal-data fields (owners only); rules must name fields of the
 * current schema. The product's contract gets its next version in the same transaction, audited
 * before → after. Returns that version (null when nothing changed).
 */
export async function setPortContract(viewer: Viewer, input: PortContractInput): Promise<{ version: number | null }> {
  const port = await loadOwnedPort(viewer, input.outputPortId);
  const current = port.schemaVersions[0];
  if (current) {
    // Protobuf paths start with the message name; decoded messages (what rules see) do not.
    const asDecoded = (path: string) => (current.format === "PROTOBUF" ? path.slice(path.indexOf(".") + 1) : path);
    const fields = new Set(parseStored(current.format, current.definition).fields.map((f) => asDecoded(f.path)));
    const unknown = [...input.qualityRules.map((r) => r.field), ...input.personalDataFields].filter((f) => !fields.has(f));
    if (unknown.length > 0) throw invalid("Some fields are not in the current schema.", { qualityRules: `Unknown field${unknown.length === 1 ? "" : "s"}: ${[...new Set(unknown)].join(", ")}.` });
  }
  return db.$transaction(async (tx) => {
    await ensureContractBaseline(tx, port.dataProductId);
    await tx.outputPort.update({
      where: { id: port.id },
      data: { qualityRules: input.qualityRules as Prisma.InputJsonValue, personalDataFields: input.personalDataFields },
    });
    const version = await recordContractVersion(tx, viewer, port.dataProductId);
    if (version === null) return { version }; // nothing changed: nothing to audit
    await recordAudit(tx, {
      actor: viewer,
      action: "output-port.contract-changed",
      targetType: "output-port",
      targetId: port.id,
      before: { qualityRules: port.qualityRules as Prisma.InputJsonValue, personalDataFields: port.personalDataFields },
      after: { qualityRules: input.qualityRules as Prisma.InputJsonValue, personalDataFields: input.personalDataFields, contractVersion: version },
    });
    return { version };
  });
}
