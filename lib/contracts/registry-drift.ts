import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { getCompatibility, getVersion, subjectFor } from "@/lib/schema-registry";

export type SubjectDrift = {
  outputPortId: string;
  productSlug: string;
  productName: string;
  subject: string;
  kind: "deleted" | "changed" | "compatibility";
  detail: string;
};

/**
 * Compares each registered port's value subject with what Meshport recorded: a subject gone, a latest
 * version Meshport did not publish, or a compatibility level someone changed. Reported only; Meshport
 * does not overwrite other people's changes in the registry. Throws RegistryUnavailableError.
 */
export async function findSubjectDrift(viewer: Viewer): Promise<SubjectDrift[]> {
  assertCan(viewer, { permission: "read:acl-drift" });
  const ports = await db.outputPort.findMany({
    where: { schemaVersions: { some: { part: "VALUE", registryId: { not: null } } } },
    include: { dataProduct: { select: { slug: true, name: true } }, schemaVersions: { where: { part: "VALUE" }, orderBy: { version: "desc" }, take: 1 } },
    orderBy: { topic: "asc" },
  });
  const out: SubjectDrift[] = [];
  // A few requests at a time: the registry is shared with producers.
  for (let i = 0; i < ports.length; i += 8) {
    const batch = ports.slice(i, i + 8);
    const found = await Promise.all(
      batch.map(async (port) => {
        const subject = subjectFor(port.topic, "value");
        const base = { outputPortId: port.id, productSlug: port.dataProduct.slug, productName: port.dataProduct.name, subject };
        const [latest, level] = await Promise.all([getVersion(subject, "latest"), getCompatibility(subject)]);
        const ours = port.schemaVersions[0];
        if (!latest) return [{ ...base, kind: "deleted" as const, detail: `Meshport registered version ${ours?.version} (id ${ours?.registryId}); the subject no longer exists.` }];
        const drift: SubjectDrift[] = [];
        if (ours && latest.id !== ours.registryId) {
          drift.push({ ...base, kind: "changed", detail: `Latest is registry version ${latest.version} (id ${latest.id}); Meshport's latest is version ${ours.version} (id ${ours.registryId}).` });
        }
        if (level && level !== port.compatibility) {
          drift.push({ ...base, kind: "compatibility", detail: `Compatibility is ${level} in the registry; the owners chose ${port.compatibility}.` });
        }
        return drift;
      }),
    );
    out.push(...found.flat());
  }
  return out;
}
