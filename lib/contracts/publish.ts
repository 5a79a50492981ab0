import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { notify, teamMemberIds } from "@/lib/notifications";
import { conflict, invalid } from "@/lib/errors";
import {
  findSchemaVersion,
  registerSchema,
  RegistryError,
  RegistryUnavailableError,
  subjectFor,
  testCompatibility,
} from "@/lib/schema-registry";
import { breakingReasons, isTransitive, type BreakingReason } from "./compatibility";
import { diffSchemas } from "./diff";
import { parseSchema, registrySchemaType } from "./formats";
import type { ParsedSchema, SchemaFormat } from "./model";
import { loadOwnedPort, parseStored, portImpact, type Impact } from "./port-context";
import type { SchemaVersionInput } from "./schemas";
import { registryDown } from "./subject-check";

export type VersionPreview = {
  outputPortId: string;
  subject: string;
  format: SchemaFormat;
  compatibility: string;
  currentVersion: number | null;
  nextVersion: number;
  unchanged: boolean;
  changes: { kind: string; path: string; words: string }[];
  reasons: BreakingReason[];
  registry: { compatible: boolean; messages: string[] };
  compatible: boolean;
  impact: Impact;
};

type Checked = { preview: VersionPreview; candidate: ParsedSchema };

async function check(viewer: Viewer, input: SchemaVersionInput): Promise<Checked> {
  const port = await loadOwnedPort(viewer, input.outputPortId);
  const current = port.schemaVersions[0];
  const format: SchemaFormat = current?.format ?? input.format ?? "AVRO";
  const parsed = parseSchema(format, input.schema);
  if (!parsed.ok) throw invalid("The schema does not parse.", { schema: `Line ${parsed.issue.line}, column ${parsed.issue.column}: ${parsed.issue.message}` });
  const candidate = parsed.schema;

  const latest = current ? parseStored(format, current.definition) : null;
  const changes = latest ? diffSchemas(latest, candidate) : [];
  // Transitive modes promise compatibility with every earlier version, so each one is compared.
  const against = isTransitive(port.compatibility) ? port.schemaVersions : current ? [current] : [];
  const reasons: BreakingReason[] = [];
  for (const v of against) {
    const old = v === current && latest ? latest : parseStored(format, v.definition);
    for (const r of breakingReasons(format, port.compatibility, old, candidate, diffSchemas(old, candidate))) {
      if (!reasons.some((x) => x.path === r.path && x.direction === r.direction)) reasons.push({ ...r, against: v.version });
    }
  }

  const subject = subjectFor(port.topic, "value");
  let registry: VersionPreview["registry"];
  try {
    registry = await testCompatibility(subject, { schemaType: registrySchemaType[format], schema: candidate.text }, isTransitive(port.compatibility));
  } catch (e) {
    if (e instanceof RegistryUnavailableError) throw registryDown(e);
    if (e instanceof RegistryError && e.status === 422) throw invalid("The registry refused the schema as invalid.", { schema: e.message });
    throw e;
  }
  const unchanged = Boolean(latest) && latest!.text === candidate.text;
  return {
    candidate,
    preview: {
      outputPortId: port.id,
      subject,
      format,
      compatibility: port.compatibility,
      currentVersion: current?.version ?? null,
      nextVersion: (current?.version ?? 0) + 1,
      unchanged,
      changes: changes.map(({ kind, path, words }) => ({ kind, path, words })),
      reasons,
      registry,
      compatible: registry.compatible && reasons.length === 0 && !unchanged,
      impact: await portImpact(port.id),
    },
  };
}

/** What publishing would do, shown before the owner confirms: the diff, both verdicts and who reads the port. Writes nothing. */
export async function previewSchemaVersion(viewer: Viewer, input: SchemaVersionInput): Promise<VersionPreview> {
  return (await check(viewer, input)).preview;
}

function refusal(p: VersionPreview): string {
  if (p.unchanged) return `This schema is identical to version ${p.currentVersion}. Nothing was stored.`;
  const who = !p.registry.compatible && p.reasons.length > 0 ? "The registry and Meshport refuse" : !p.registry.compatible ? "The registry refuses" : "Meshport refuses";
  const why = p.reasons.map((r) => r.reason).join(" ") || p.registry.messages.join(" ");
  return `${who} this version under ${p.compatibility}: ${why} Nothing was stored. To make this change, start a new major version.`;
}

/**
 * Publishes a new version: checked again (never trust the preview), registered in the registry first
 * (the authority: a refusal there leaves nothing anywhere), then recorded with its audit event and
 * consumers' notices in one transaction. Publishing the same schema again is idempotent in the registry,
 * so a failed database write is finished by publishing again.
 */
export async function publishSchemaVersion(viewer: Viewer, input: SchemaVersionInput): Promise<{ version: number; registryId: number; preview: VersionPreview }> {
  const { preview, candidate } = await check(viewer, input);
  if (!preview.compatible) throw conflict(refusal(preview), { schema: refusal(preview) });
  const schema = { schemaType: registrySchemaType[preview.format], schema: candidate.text };
  let registryId: number;
  let registryVersion: number | null;
  try {
    registryId = (await registerSchema(preview.subject, schema)).id;
    registryVersion = (await findSchemaVersion(preview.subject, schema))?.version ?? null;
  } catch (e) {
    if (e instanceof RegistryUnavailableError) throw registryDown(e);
    if (e instanceof RegistryError && e.status === 409) throw conflict(`The registry refused the version as incompatible: ${e.message}. Nothing was stored.`);
    throw e;
  }
  const port = await db.outputPort.findUniqueOrThrow({ where: { id: preview.outputPortId }, include: { dataProduct: true } });
  await db.$transaction(async (tx) => {
    const created = await tx.schemaVersion.create({
      data: {
        outputPortId: port.id,
        part: "VALUE",
        version: preview.nextVersion,
        format: preview.format,
        definition: candidate.definition as Prisma.InputJsonValue,
        registryId,
        registryVersion,
        createdById: viewer.id,
      },
    });
    await recordAudit(tx, {
      actor: viewer,
      action: "schema-version.published",
      targetType: "output-port",
      targetId: port.id,
      before: preview.currentVersion ? { version: preview.currentVersion } : undefined,
      after: { version: created.version, subject: preview.subject, registryId, compatibility: preview.compatibility, changes: preview.changes.map((c) => c.words) },
    });
    const consumers = await teamMemberIds(tx, [...new Set(preview.impact.map((i) => i.teamId))]);
    await notify(
      tx,
      consumers,
      {
        kind: "schema.version-published",
        title: `${port.dataProduct.name}: schema version ${created.version} of ${port.topic}`,
        body: preview.changes.map((c) => c.words).join(" ") || "A new schema version was published.",
        href: `/products/${port.dataProduct.slug}/ports/${port.id}/versions`,
      },
      viewer.id,
    );
  });
  return { version: preview.nextVersion, registryId, preview };
}
