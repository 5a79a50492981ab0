import "server-only";
import { db, Prisma } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { allowedTopicPrefixes, checkProductMetadata, loadPolicies } from "@/lib/governance";
import { checkKafka } from "@/lib/kafka";
import { provisionNow } from "@/lib/provisioning";
import { conflict, DomainError, invalid, notFound } from "@/lib/errors";
import { auditedPort, insertPort, judgePorts, parsePortSchemas, portFieldKey, takenTopics } from "./plan-ports";
import type { CreateDataProduct } from "./schemas";

export type CreatedDataProduct = {
  slug: string;
  /** The first port's topic. */
  topic: string;
  topics: string[];
  /** Set when the rows were written but Kafka has not caught up yet; a job keeps retrying. */
  provisioningWarning?: string;
};

/**
 * Creates a data product with one or more output ports (each its Kafka topic with the owning team's
 * PRODUCE grant), then creates the topics and ACLs in Kafka.
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
  const key = portFieldKey(input.portFieldsAtTop);
  const kafka = await checkKafka();
  const policies = await loadPolicies();
  const judged = judgePorts(input.ports, {
    prefix: allowedPrefixes[0] ?? `${team.domain.slug}.`,
    allowedPrefixes,
    productSlug: input.slug,
    policies,
    brokerCount: kafka.ok ? kafka.brokers : undefined,
    key,
  });
  const violations = { ...judged.violations, ...checkProductMetadata(input, policies) };
  if (Object.keys(violations).length > 0) {
    throw invalid("The product does not meet the organisation's policies.", violations);
  }
  if (!kafka.ok) {
    throw new DomainError(
      "UNAVAILABLE",
      `Kafka is unreachable (${kafka.error}). Nothing was created; try again when the cluster is back.`,
    );
  }

  // The registry must answer before anything is written, and each topic's subject must not hold someone else's schemas.
  const ports = await parsePortSchemas(judged.ports, key);
  const topics = ports.map((p) => p.topic);

  if (await db.dataProduct.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
    throw conflict("That name is taken.", { slug: `A data product "${input.slug}" already exists.` });
  }
  const taken = new Set(await takenTopics(topics));
  if (taken.size > 0) {
    const fields = Object.fromEntries(ports.flatMap((p, i) => (taken.has(p.topic) ? [[key(i, "topic"), `Another data product already has the topic "${p.topic}".`]] : [])));
    // A one-port product sent flat names its topic after the identifier: the clash is the identifier's.
    throw conflict("That name is taken.", input.portFieldsAtTop ? { slug: `A data product "${input.slug}" already exists.` } : fields);
  }

  let created: { productId: string; portIds: string[] };
  try {
    created = await db.$transaction(async (tx) => {
      const { ports: _ports, portFieldsAtTop: _atTop, ...product } = input;
      const row = await tx.dataProduct.create({
        data: {
          slug: product.slug,
          name: product.name,
          description: product.description,
          domainId: team.domainId,
          ownerTeamId: team.id,
          lifecycle: product.lifecycle,
          classification: product.classification,
          containsPii: product.containsPii,
          tags: product.tags,
          freshnessSlaMinutes: product.freshnessSlaMinutes,
          createdById: viewer.id,
        },
      });
      const portIds: string[] = [];
      for (const port of ports) {
        portIds.push((await insertPort(tx, port, { productId: row.id, teamId: team.id, principalId: principal.id, createdById: viewer.id })).portId);
      }
      await recordAudit(tx, {
        actor: viewer,
        action: "data-product.created",
        targetType: "data-product",
        targetId: row.id,
        after: { ...product, topic: topics[0], ports: ports.map(auditedPort), producer: principal.principal },
      });
      return { productId: row.id, portIds };
    });
  } catch (e) {
    // Two people racing for the same name or topic: the unique index decides.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      throw conflict("That name is taken.", { slug: `A data product "${input.slug}" already exists.` });
    }
    throw e;
  }

  const failures: string[] = [];
  let retrying = false;
  for (const [i, portId] of created.portIds.entries()) {
    const outcome = await provisionNow({ kind: "output-port", id: portId });
    if (!outcome.ok) {
      failures.push(`${topics[i]}: ${outcome.error}`);
      retrying ||= outcome.retryable;
    }
  }
  return {
    slug: input.slug,
    topic: topics[0]!,
    topics,
    provisioningWarning:
      failures.length === 0
        ? undefined
        : retrying
          ? `The product is saved, but creating its topics (Kafka topic, ACLs, schema registration) failed: ${failures.join("; ")}. Meshport keeps retrying.`
          : `The product is saved, but its topics could not be provisioned: ${failures.join("; ")}`,
  };
}
