import "server-only";
import { isDeepStrictEqual } from "node:util";
import { db, Prisma, type Tx } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { conflict, invalid, notFound } from "@/lib/errors";
import { retentionProblem, shortestRetentionHours, type ContractSnapshot, type ProductContract } from "./contract-model";
import type { QualityRule } from "./quality";


const FIELDS = ["availabilityPercent", "retentionObjectiveHours", "termsOfUse", "supportChannel"] as const;

async function loadForContract(client: Tx | typeof db, productId: string) {
  return client.dataProduct.findUnique({
    where: { id: productId },
    include: { outputPorts: { orderBy: { name: "asc" }, include: { schemaVersions: { where: { part: "VALUE" }, orderBy: { version: "desc" }, take: 1 } } } },
  });
}
type Loaded = NonNullable<Awaited<ReturnType<typeof loadForContract>>>;

/** The contract as it stands: the product's objectives and terms, and each port's rules and current schema version. */
export function snapshotOf(product: Loaded, contract: Pick<ProductContract, (typeof FIELDS)[number]> = product): ContractSnapshot {
  const shortest = shortestRetentionHours(product.outputPorts);
  return {
    availabilityPercent: contract.availabilityPercent,
    retentionHours: contract.retentionObjectiveHours ?? shortest,
    retentionDerived: contract.retentionObjectiveHours === null,
    freshnessMinutes: product.freshnessSlaMinutes,
    termsOfUse: contract.termsOfUse,
    supportChannel: contract.supportChannel,
    ports: product.outputPorts.map((p) => ({
      name: p.name,
      topic: p.topic,
      schemaVersion: p.schemaVersions[0]?.version ?? null,
      schemaFormat: p.schemaVersions[0]?.format ?? null,
      qualityRules: p.qualityRules as QualityRule[],
      personalDataFields: p.personalDataFields,
    })),
  };
}

/**
 * Writes the product's contract fields and its next numbered version in one transaction, audited
 * before → after. The first save of a product that has no version yet first records the contract as
 * it was (version 1), so history starts from what consumers saw. Callers authorize.
 */
export async function saveContract(viewer: Viewer, productId: string, input: ProductContract, opts: { baseline: boolean }) {
  try {
    return await db.$transaction(async (tx) => {
      const product = await loadForContract(tx, productId);
      if (!product) throw notFound("Data product");
      const problem = retentionProblem(input.retentionObjectiveHours, shortestRetentionHours(product.outputPorts));
      if (problem) throw invalid("The retention objective is longer than the topics keep data.", { retentionObjectiveHours: problem });

      const latest = await tx.contractVersion.findFirst({ where: { dataProductId: productId }, orderBy: { version: "desc" } });
      const after = snapshotOf(product, input);
      // jsonb keeps keys in its own order: compare values, not texts.
      if (latest && isDeepStrictEqual(latest.snapshot, JSON.parse(JSON.stringify(after)))) return { version: latest.version, changed: false };
      let version = latest?.version ?? 0;
      if (!latest && opts.baseline) {
        version += 1;
        await tx.contractVersion.create({ data: { dataProductId: productId, version, snapshot: snapshotOf(product) as Prisma.InputJsonValue, createdById: product.createdById } });
      }
      version += 1;
      await tx.contractVersion.create({ data: { dataProductId: productId, version, snapshot: after as Prisma.InputJsonValue, createdById: viewer.id } });
      await tx.dataProduct.update({ where: { id: productId }, data: Object.fromEntries(FIELDS.map((f) => [f, input[f]])) });
      const pick = (source: Pick<ProductContract, (typeof FIELDS)[number]>) => Object.fromEntries(FIELDS.map((f) => [f, source[f]]));
      await recordAudit(tx, {
        actor: viewer,
        action: "data-product.contract-changed",
        targetType: "data-product",
        targetId: productId,
        before: { ...pick(product), version: latest?.version ?? null },
        after: { ...pick(input), version },
      });
      return { version, changed: true };
    });
  } catch (e) {
    // Two owners saving at once: the unique (product, version) index decides; the second saves again.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw conflict("Someone saved this contract meanwhile. Reload the page and save again.");
    throw e;
  }
}

/** In `tx`, before a port's contract changes: the contract as it was becomes version 1 if the product has none yet. */
export async function ensureContractBaseline(tx: Tx, productId: string): Promise<void> {
  if (await tx.contractVersion.findFirst({ where: { dataProductId: productId }, select: { id: true } })) return;
  const product = await loadForContract(tx, productId);
  if (!product) throw notFound("Data product");
  await tx.contractVersion.create({ data: { dataProductId: productId, version: 1, snapshot: snapshotOf(product) as Prisma.InputJsonValue, createdById: product.createdById } });
}

/** In `tx`, after a port's contract changed: the product's next version when its snapshot differs from the latest. */
export async function recordContractVersion(tx: Tx, viewer: Viewer, productId: string): Promise<number | null> {
  const product = await loadForContract(tx, productId);
  if (!product) throw notFound("Data product");
  const latest = await tx.contractVersion.findFirst({ where: { dataProductId: productId }, orderBy: { version: "desc" } });
  const now = snapshotOf(product);
  if (latest && isDeepStrictEqual(latest.snapshot, JSON.parse(JSON.stringify(now)))) return null;
  const version = (latest?.version ?? 0) + 1;
  await tx.contractVersion.create({ data: { dataProductId: productId, version, snapshot: now as Prisma.InputJsonValue, createdById: viewer.id } });
  return version;
}

/** Saves the product's objectives, terms and support channel as a new contract version (owners only). */
export async function setProductContract(viewer: Viewer, input: ProductContract): Promise<{ version: number; changed: boolean }> {
  const product = await db.dataProduct.findUnique({ where: { id: input.productId }, select: { id: true, ownerTeamId: true, lifecycle: true, domainId: true } });
  if (!product) throw notFound("Data product");
  const isDomainOwner = (await db.domainOwner.count({ where: { domainId: product.domainId, userId: viewer.id } })) > 0;
  assertCan(viewer, { permission: "manage:contract", product, isDomainOwner });
  const result = await saveContract(viewer, product.id, input, { baseline: true });
  return result;
}

/** The contract now and its saved versions, newest first (the product page's contract section). Callers check visibility. */
export async function getContract(productId: string) {
  const [product, versions] = await Promise.all([
    loadForContract(db, productId),
    db.contractVersion.findMany({ where: { dataProductId: productId }, orderBy: { version: "desc" }, take: 50 }),
  ]);
  if (!product) throw notFound("Data product");
  const authors = await db.user.findMany({ where: { id: { in: versions.flatMap((v) => (v.createdById ? [v.createdById] : [])) } }, select: { id: true, name: true } });
  const nameOf = new Map(authors.map((a) => [a.id, a.name]));
  return {
    current: snapshotOf(product),
    /** Each port's contract as its owners' form edits it. */
    ports: product.outputPorts.map((p) => ({ id: p.id, topic: p.topic, qualityRules: p.qualityRules as QualityRule[], personalDataFields: p.personalDataFields })),
    shortestRetentionHours: shortestRetentionHours(product.outputPorts),
    retentionObjectiveHours: product.retentionObjectiveHours,
    versions: versions.map((v) => ({ version: v.version, at: v.createdAt, by: (v.createdById && nameOf.get(v.createdById)) || null, snapshot: v.snapshot as ContractSnapshot })),
  };
}
export type ContractView = Awaited<ReturnType<typeof getContract>>;
