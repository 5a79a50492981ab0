import "server-only";
import { db, Prisma } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { allowedTopicPrefixes, checkNewDataProduct, loadPolicies, topicNameUnder } from "@/lib/governance";
import { checkKafka } from "@/lib/kafka";
import { provisionNow } from "@/lib/provisioning";
import { checkSubjectFree } from "@/lib/contracts";
import { parseSchema } from "@/lib/contracts/formats";
import { conflict, DomainError, invalid, notFound } from "@/lib/errors";
import type { CreateDataProduct } from "./schemas";

export type CreatedDataProduct = {
  slug: string;
  topic: string;
  /** Set when the rows were written but Kafka has not caught up yet; a job keeps retrying. */
  provisioningWarning?: string;
};

/**
 * Creates a data product with one output port (its Kafka topic) and the owning
 * team's PRODUCE grant, then creates the topic and ACLs in Kafka.
 *
 * Order matters for "nothing half-made": policies and Kafka reachability are
 * checked before anything is written; the rows go in one transaction with the
 * audit event; Kafka work is idempotent and retried by a job if it fails after that.
 */
export async function createDataProduct(viewer: Viewer, input: CreateDataProduct): Promise<CreatedDataProduct> {
  assertCan(viewer, { permission: "create:data-product", ownerTeamId: input.ownerTeamId });

  const team = await db.team.findUnique({
    where: { id: input.ownerTeamId },
    include: { domain: true, principals: { orderBy: { createdAt: "asc" }, take: 1 }, topicPrefixes: { select: { prefix: true } } },
  });
  if (!team) throw notFound("Team");
  const principal = team.principals[0];
  if (!principal) {
    throw invalid(`Team ${team.name} has no Kafka principal yet; ask a platform admin to register one.`, {
      ownerTeamId: "This team has no Kafka principal.",
    });
  }

  const allowedPrefixes = allowedTopicPrefixes(team.topicPrefixes.map((p) => p.prefix), team.domain.slug);
  const topic = topicNameUnder(allowedPrefixes[0] ?? `${team.domain.slug}.`, input.slug);
  const kafka = await checkKafka();
  const violations = checkNewDataProduct(
    {
      allowedPrefixes,
      topic,
      classification: input.classification,
      containsPii: input.containsPii,
      tags: input.tags,
      partitions: input.partitions,
      replicationFactor: input.replicationFactor,
      retentionHours: input.retentionHours,
      brokerCount: kafka.ok ? kafka.brokers : undefined,
    },
    await loadPolicies(),
  );
  if (Object.keys(violations).length > 0) {
    throw invalid("The product does not meet the organisation's policies.", violations);
  }
  if (!kafka.ok) {
    throw new DomainError(
      "UNAVAILABLE",
      `Kafka is unreachable (${kafka.error}). Nothing was created; try again when the cluster is back.`,
    );
  }

  // The registry must answer before anything is written, and the topic's subject must not hold someone else's schemas.
  const parsed = input.schema ? parseSchema(input.schemaFormat, input.schema) : null;
  if (parsed && !parsed.ok) throw invalid("The schema does not parse.", { schema: `Line ${parsed.issue.line}, column ${parsed.issue.column}: ${parsed.issue.message}` });
  if (parsed) await checkSubjectFree(topic, parsed.schema);

  const taken = await db.dataProduct.findFirst({
    where: { OR: [{ slug: input.slug }, { outputPorts: { some: { topic } } }] },
    select: { id: true },
  });
  if (taken) throw conflict("That name is taken.", { slug: `A data product "${input.slug}" already exists.` });

  let created: { productId: string; portId: string; grantId: string };
  try {
    created = await db.$transaction(async (tx) => {
      const product = await tx.dataProduct.create({
        data: {
          slug: input.slug,
          name: input.name,
          description: input.description,
          domainId: team.domainId,
          ownerTeamId: team.id,
          lifecycle: input.lifecycle,
          classification: input.classification,
          containsPii: input.containsPii,
          tags: input.tags,
          freshnessSlaMinutes: input.freshnessSlaMinutes,
          createdById: viewer.id,
        },
      });
      const port = await tx.outputPort.create({
        data: {
          dataProductId: product.id,
          name: "events",
          topic,
          partitions: input.partitions,
          replicationFactor: input.replicationFactor,
          retentionMs: BigInt(input.retentionHours) * 3_600_000n,
          cleanupPolicy: input.cleanupPolicy,
          compatibility: input.compatibility,
          schemaVersions: parsed
            ? { create: { version: 1, format: input.schemaFormat, definition: parsed.schema.definition as Prisma.InputJsonValue, createdById: viewer.id } }
            : undefined,
        },
      });
      const grant = await tx.grant.create({
        data: {
          kind: "PRODUCE",
          dataProductId: product.id,
          outputPortId: port.id,
          teamId: team.id,
          principalId: principal.id,
        },
      });
      await recordAudit(tx, {
        actor: viewer,
        action: "data-product.created",
        targetType: "data-product",
        targetId: product.id,
        after: { ...input, schema: input.schema ? `(${input.schemaFormat} schema v1)` : null, topic, producer: principal.principal },
      });
      return { productId: product.id, portId: port.id, grantId: grant.id };
    });
  } catch (e) {
    // Two people racing for the same name: the unique index decides.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      throw conflict("That name is taken.", { slug: `A data product "${input.slug}" already exists.` });
    }
    throw e;
  }

  const outcome = await provisionNow({ kind: "output-port", id: created.portId });
  return {
    slug: input.slug,
    topic,
    provisioningWarning: outcome.ok
      ? undefined
      : outcome.retryable
        ? `The product is saved, but creating topic ${topic} (Kafka topic, ACLs, schema registration) failed: ${outcome.error}. Meshport keeps retrying.`
        : `The product is saved, but its topic could not be provisioned: ${outcome.error}`,
  };
}
