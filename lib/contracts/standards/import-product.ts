import "server-only";
import { db, type Prisma } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { createDataProduct, type CreatedDataProduct } from "@/lib/catalog";
import { createDataProductSchema, type CreateDataProduct } from "@/lib/catalog/schemas";
import { allowedTopicPrefixes, loadPolicies, topicNameUnder } from "@/lib/governance";
import { checkKafka } from "@/lib/kafka";
import { DomainError, invalid, notFound, type FieldErrors } from "@/lib/errors";
import { parseSchema } from "../formats";
import { describeRule } from "../quality";
import { saveContract } from "../product-contract";
import { decodedFields } from "./field-types";
import { readOdcs } from "./odcs-import";
import { readOdps } from "./odps-import";
import { issueAt, type FileIssue } from "./read-yaml";
import { toCreateInput, type ImportPlan } from "./to-create-input";
import type { ImportRequest } from "./import-input";

// Import of a new product from an ODCS contract (and optionally its ODPS product file): read, check,
// preview, then create through lib/catalog's createDataProduct (same policies, provisioning job and
// audit as the create form), then save the rest of the contract as its version 1.

const atLine = (issues: FileIssue[]) =>
  `Line ${issues[0]!.line}, column ${issues[0]!.column}: ${issues[0]!.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ""}`;
const refuse = (field: "odcs" | "odps", issues: FileIssue[]) => invalid("The files need changes before Meshport can create the product.", { [field]: atLine(issues) });

/** Where in the contract each create-form field comes from, to place the create function's errors in the file. */
const SOURCE_OF: Record<string, (string | number)[]> = {
  name: ["name"],
  description: ["description", "purpose"],
  tags: ["tags"],
  classification: ["customProperties"],
  containsPii: ["customProperties"],
  retentionHours: ["slaProperties"],
  freshnessSlaMinutes: ["slaProperties"],
  partitions: ["servers", 0],
  replicationFactor: ["servers", 0],
  cleanupPolicy: ["servers", 0],
  schema: ["schema", 0],
  schemaFormat: ["schema", 0],
  compatibility: ["schema", 0],
};

/** Errors of the create input or of createDataProduct, at the file's lines (the slug and team stay at their own fields). */
function inFile(odcs: string, errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) {
    const path = SOURCE_OF[field];
    if (path) out.odcs ??= atLine([issueAt(odcs, path, `${field}: ${message}`)]);
    else out[field === "ownerTeamId" || field === "slug" ? field : "odcs"] ??= message;
  }
  return out;
}

async function planImport(viewer: Viewer, input: ImportRequest) {
  assertCan(viewer, { permission: "create:data-product", ownerTeamId: input.ownerTeamId });
  const contract = readOdcs(input.odcs);
  if (!contract.ok) throw refuse("odcs", contract.issues);
  const product = input.odps ? readOdps(input.odps) : null;
  if (product && !product.ok) throw refuse("odps", product.issues);
  if (product?.value.outputContractIds.length && !product.value.outputContractIds.includes(contract.value.id)) {
    throw refuse("odps", [issueAt(input.odps!, ["outputPorts", 0, "contractId"], `No output port names the contract "${contract.value.id}".`)]);
  }
  // The create function makes one output port; several objects wait for it to make several.
  if (contract.value.objects.length > 1) {
    throw refuse("odcs", [issueAt(input.odcs, ["schema", 1], "Meshport creates one output port per imported product for now: keep one schema object.")]);
  }

  const team = await db.team.findUnique({ where: { id: input.ownerTeamId }, include: { domain: true, topicPrefixes: { select: { prefix: true } } } });
  if (!team) throw notFound("Team");
  const [policies, kafka] = await Promise.all([loadPolicies(), checkKafka()]);
  const defaults = {
    partitions: Math.min(3, policies.maxPartitions),
    replicationFactor: Math.max(1, Math.min(3, policies.maxReplicationFactor, kafka.ok ? kafka.brokers : 1)),
    retentionHours: Math.min(Math.max(168, policies.minRetentionHours), policies.maxRetentionHours),
    piiMinClassification: policies.piiMinClassification,
  };
  const plan: ImportPlan = toCreateInput(contract.value, product?.value ?? null, { ownerTeamId: team.id, slug: input.slug }, defaults);
  const parsed = createDataProductSchema.safeParse(plan.create);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "odcs")] ??= issue.message;
    throw invalid("The files need changes before Meshport can create the product.", inFile(input.odcs, errors));
  }
  // One port per import (to-create-input.ts): the create input's first and only port.
  const first = parsed.data.ports[0]!;
  const schema = parseSchema(first.schemaFormat, first.schema);
  if (!schema.ok) throw refuse("odcs", [issueAt(input.odcs, ["schema", 0], `The schema does not parse (its line ${schema.issue.line}, column ${schema.issue.column}): ${schema.issue.message}`)]);
  const fields = new Set(decodedFields(schema.schema.format, schema.schema.fields).map((f) => f.path));
  const port = plan.ports[0]!;
  const unknown = [...port.qualityRules.map((r) => r.field), ...port.personalDataFields].filter((f) => !fields.has(f));
  if (unknown.length > 0) throw refuse("odcs", [issueAt(input.odcs, ["schema", 0, "properties"], `Rules or personal data on fields the schema does not have: ${[...new Set(unknown)].join(", ")}.`)]);
  const topic = topicNameUnder(allowedTopicPrefixes(team.topicPrefixes.map((p) => p.prefix), team.domain.slug)[0] ?? `${team.domain.slug}.`, parsed.data.slug);
  return { plan, create: parsed.data, firstPort: first, topic, team, fields: [...fields] };
}

/** What the import would create, for the preview; writes nothing. */
export async function previewImport(viewer: Viewer, input: ImportRequest) {
  const { plan, create, firstPort, topic, team, fields } = await planImport(viewer, input);
  const port = plan.ports[0]!;
  return {
    name: create.name,
    slug: create.slug,
    team: team.name,
    domain: team.domain.name,
    description: create.description,
    lifecycle: create.lifecycle,
    classification: create.classification,
    containsPii: create.containsPii,
    tags: create.tags,
    port: {
      topic,
      partitions: firstPort.partitions,
      replicationFactor: firstPort.replicationFactor,
      retentionHours: firstPort.retentionHours,
      format: firstPort.schemaFormat,
      compatibility: firstPort.compatibility,
      fields,
      rules: port.qualityRules.map(describeRule),
      personalDataFields: port.personalDataFields,
    },
    freshnessMinutes: create.freshnessSlaMinutes,
    availabilityPercent: plan.contract.availabilityPercent,
    termsOfUse: plan.contract.termsOfUse,
    supportChannel: plan.contract.supportChannel,
  };
}
export type ImportPreview = Awaited<ReturnType<typeof previewImport>>;

/** Creates the product through createDataProduct, then sets its port's rules and saves its contract as version 1. */
export async function importProduct(viewer: Viewer, input: ImportRequest): Promise<CreatedDataProduct & { contractVersion: number }> {
  const { plan, create } = await planImport(viewer, input);
  let created: CreatedDataProduct;
  try {
    created = await createDataProduct(viewer, create satisfies CreateDataProduct);
  } catch (e) {
    if (e instanceof DomainError && e.fieldErrors) throw new DomainError(e.code, e.message, inFile(input.odcs, e.fieldErrors));
    throw e;
  }
  const product = await db.dataProduct.findUniqueOrThrow({ where: { slug: created.slug }, include: { outputPorts: { orderBy: { createdAt: "asc" } } } });
  const rules = plan.ports[0]!;
  const port = product.outputPorts[0];
  if (port && (rules.qualityRules.length > 0 || rules.personalDataFields.length > 0)) {
    await db.$transaction(async (tx) => {
      await tx.outputPort.update({ where: { id: port.id }, data: { qualityRules: rules.qualityRules as Prisma.InputJsonValue, personalDataFields: rules.personalDataFields } });
      await recordAudit(tx, {
        actor: viewer,
        action: "output-port.contract-changed",
        targetType: "output-port",
        targetId: port.id,
        before: { qualityRules: [], personalDataFields: [] },
        after: { qualityRules: rules.qualityRules as Prisma.InputJsonValue, personalDataFields: rules.personalDataFields, importedFrom: "ODCS" },
      });
    });
  }
  // The creator's right to create covers the contract it arrives with (a team member may import; later edits are the owners').
  const { version } = await saveContract(viewer, product.id, { productId: product.id, ...plan.contract }, { baseline: false });
  return { ...created, contractVersion: version };
}
