import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { allowedTopicPrefixes, loadPolicies } from "@/lib/governance";
import { checkKafka } from "@/lib/kafka";
import { provisionNow } from "@/lib/provisioning";
import { conflict, DomainError, invalid, notFound } from "@/lib/errors";
import { auditedPort, insertPort, judgePorts, parsePortSchemas, takenTopics } from "./plan-ports";
import type { NewOutputPort } from "./schemas";

export type AddedOutputPort = { topic: string; status: "APPLIED" | "PENDING" | "FAILED"; warning?: string };

/**
 * Adds an output port to an existing product (the owning team's maintainers): the same policies, checks
 * and order as creation; the port, its PRODUCE grant and the audit event in one transaction, then the
 * retried, idempotent provisioning. Consumers' grants stay on the ports they were given.
 */
export async function addOutputPort(viewer: Viewer, input: NewOutputPort & { productId: string }): Promise<AddedOutputPort> {
  const product = await db.dataProduct.findUnique({
    where: { id: input.productId },
    include: {
      domain: { select: { slug: true } },
      outputPorts: { select: { name: true, topic: true } },
      ownerTeam: { include: { principals: { orderBy: { createdAt: "asc" }, take: 1 }, topicPrefixes: { select: { prefix: true } } } },
    },
  });
  if (!product) throw notFound("Data product");
  assertCan(viewer, { permission: "edit:data-product", product });
  if (product.lifecycle === "DEPRECATED") throw invalid("A deprecated product gets no new output ports; add them to its successor.");
  const principal = product.ownerTeam.principals[0];
  if (!principal) throw invalid(`Team ${product.ownerTeam.name} has no Kafka principal yet; ask a platform admin to register one.`);

  const allowedPrefixes = allowedTopicPrefixes(product.ownerTeam.topicPrefixes.map((p) => p.prefix), product.domain.slug);
  const kafka = await checkKafka();
  const { productId, ...port } = input;
  const key = (_i: number, field: string) => field;
  const judged = judgePorts([port], {
    prefix: allowedPrefixes[0] ?? `${product.domain.slug}.`,
    allowedPrefixes,
    productSlug: product.slug,
    policies: await loadPolicies(),
    brokerCount: kafka.ok ? kafka.brokers : undefined,
    existing: { names: product.outputPorts.map((p) => p.name), topics: product.outputPorts.map((p) => p.topic) },
    key,
    firstIndex: product.outputPorts.length,
  });
  if (Object.keys(judged.violations).length > 0) throw invalid("The port does not meet the organisation's policies.", judged.violations);
  if (!kafka.ok) throw new DomainError("UNAVAILABLE", `Kafka is unreachable (${kafka.error}). Nothing was added; try again when the cluster is back.`);
  const [planned] = await parsePortSchemas(judged.ports, key);
  if ((await takenTopics([planned!.topic])).length > 0) throw conflict("That topic is taken.", { topic: `Another data product already has the topic "${planned!.topic}".` });

  const { portId } = await db.$transaction(async (tx) => {
    const ids = await insertPort(tx, planned!, { productId, teamId: product.ownerTeamId, principalId: principal.id, createdById: viewer.id });
    await recordAudit(tx, {
      actor: viewer,
      action: "output-port.added",
      targetType: "data-product",
      targetId: productId,
      before: { ports: product.outputPorts.map((p) => p.topic) },
      after: { ports: [...product.outputPorts.map((p) => p.topic), planned!.topic], added: auditedPort(planned!), producer: principal.principal },
    });
    return ids;
  });

  const outcome = await provisionNow({ kind: "output-port", id: portId });
  if (outcome.ok) return { topic: planned!.topic, status: "APPLIED" };
  return {
    topic: planned!.topic,
    status: outcome.retryable ? "PENDING" : "FAILED",
    warning: `The port is saved, but Kafka has not caught up: ${outcome.error}.${outcome.retryable ? " Meshport keeps retrying." : ""}`,
  };
}
