// Loads the demo mesh (scripts/seed/demo-mesh.ts) into the database and Kafka.
// Idempotent: rows are upserted by their natural keys, and Kafka provisioning only
// touches what is not applied yet, so a second run is fast and changes nothing.
// Run with: npx tsx --conditions=react-server scripts/seed/demo.ts
import { db, type Prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { topicNameFor } from "@/lib/governance/policies";
import { closeKafka, describeTopic, producer } from "@/lib/kafka";
import { syncGrant, syncOutputPort } from "@/lib/provisioning";
import { domains, products, requests, teams, users } from "./demo-mesh";
import { sampleMessage } from "./sample-messages";

const DAY = 86_400_000;

async function seedOrganisation() {
  for (const d of domains) {
    await db.domain.upsert({ where: { slug: d.slug }, update: {}, create: { slug: d.slug, name: d.name, description: d.description } });
  }
  for (const t of teams) {
    const domain = await db.domain.findUniqueOrThrow({ where: { slug: t.domain } });
    const team = await db.team.upsert({
      where: { slug: t.slug },
      update: {},
      create: { slug: t.slug, name: t.name, domainId: domain.id, contactEmail: t.contactEmail, description: `${domain.name} domain team.` },
    });
    await db.kafkaPrincipal.upsert({ where: { principal: `User:${t.principal}` }, update: {}, create: { teamId: team.id, principal: `User:${t.principal}` } });
  }
  for (const u of users) {
    const user = await db.user.upsert({
      where: { email: u.email },
      update: {},
      create: { name: u.name, email: u.email, isDemo: true, isPlatformAdmin: u.isPlatformAdmin ?? false, isDataProtectionApprover: u.isDataProtectionApprover ?? false },
    });
    for (const [slug, role] of u.teams) {
      const team = await db.team.findUniqueOrThrow({ where: { slug } });
      await db.membership.upsert({ where: { userId_teamId: { userId: user.id, teamId: team.id } }, update: {}, create: { userId: user.id, teamId: team.id, role } });
    }
  }
}

async function seedProducts(): Promise<number> {
  let created = 0;
  for (const p of products) {
    if (await db.dataProduct.findUnique({ where: { slug: p.slug } })) continue;
    const team = await db.team.findUniqueOrThrow({ where: { slug: p.team }, include: { domain: true, principals: true } });
    const principal = team.principals[0]!;
    const maintainer = await db.membership.findFirst({ where: { teamId: team.id, role: "MAINTAINER" }, include: { user: true } });
    await db.$transaction(async (tx) => {
      const product = await tx.dataProduct.create({
        data: {
          slug: p.slug,
          name: p.name,
          description: p.description,
          domainId: team.domainId,
          ownerTeamId: team.id,
          lifecycle: p.lifecycle ?? "ACTIVE",
          classification: p.classification,
          containsPii: p.containsPii ?? false,
          tags: p.tags,
          freshnessSlaMinutes: p.freshnessSlaMinutes ?? null,
          createdById: maintainer?.userId,
          outputPorts: {
            create: {
              name: "events",
              topic: topicNameFor(team.domain.slug, p.slug),
              partitions: p.partitions,
              replicationFactor: 1,
              retentionMs: BigInt(p.retentionDays) * BigInt(DAY),
              cleanupPolicy: p.cleanupPolicy ?? "delete",
              schemaVersions: {
                create: { version: 1, definition: { type: "record", name: p.name.replace(/[^A-Za-z]/g, ""), namespace: `com.example.${team.domain.slug.replace(/-/g, "")}`, fields: p.fields } as Prisma.InputJsonValue },
              },
            },
          },
        },
        include: { outputPorts: true },
      });
      for (const port of product.outputPorts) {
        await tx.grant.create({ data: { kind: "PRODUCE", dataProductId: product.id, outputPortId: port.id, teamId: team.id, principalId: principal.id } });
      }
      await recordAudit(tx, {
        actor: maintainer ? { id: maintainer.userId, name: maintainer.user.name ?? "demo" } : "system",
        action: "data-product.created",
        targetType: "data-product",
        targetId: product.id,
        after: { slug: p.slug, source: "demo seed" },
      });
    });
    created++;
  }
  return created;
}

async function seedRequests() {
  for (const r of requests) {
    const product = await db.dataProduct.findUniqueOrThrow({ where: { slug: r.product }, include: { outputPorts: true } });
    const team = await db.team.findUniqueOrThrow({ where: { slug: r.team }, include: { principals: true } });
    const exists = await db.accessRequest.findFirst({ where: { dataProductId: product.id, consumerTeamId: team.id } });
    if (exists) continue;
    const requester = await db.user.findUniqueOrThrow({ where: { email: r.requester } });
    const approver = r.approvedBy ? await db.user.findUniqueOrThrow({ where: { email: r.approvedBy } }) : null;
    const createdAt = new Date(Date.now() - (approver ? 20 : 2) * DAY);
    const accessUntil = new Date(createdAt.getTime() + r.days * DAY);
    await db.$transaction(async (tx) => {
      const request = await tx.accessRequest.create({
        data: {
          dataProductId: product.id,
          consumerTeamId: team.id,
          requesterId: requester.id,
          purpose: r.purpose,
          accessUntil,
          createdAt,
          status: approver ? "APPROVED" : "PENDING",
          pendingKey: approver ? null : `${product.id}:${team.id}`,
          decidedById: approver?.id,
          decidedAt: approver ? new Date(createdAt.getTime() + DAY) : null,
          decisionReason: approver ? "Fits the purpose; go ahead." : null,
        },
      });
      await recordAudit(tx, { actor: { id: requester.id, name: requester.name ?? "" }, action: "access-request.created", targetType: "access-request", targetId: request.id, after: { purpose: r.purpose, source: "demo seed" } });
      if (approver) {
        for (const port of product.outputPorts) {
          await tx.grant.create({
            data: { kind: "CONSUME", dataProductId: product.id, outputPortId: port.id, teamId: team.id, principalId: team.principals[0]!.id, accessRequestId: request.id, validUntil: accessUntil },
          });
        }
        await recordAudit(tx, { actor: { id: approver.id, name: approver.name ?? "" }, action: "access-request.approved", targetType: "access-request", targetId: request.id, before: { status: "PENDING" }, after: { status: "APPROVED", source: "demo seed" } });
      }
    });
  }
}

/** Creates topics and ACLs for everything not yet applied in Kafka. */
async function provision() {
  const ports = await db.outputPort.findMany({ where: { provisioning: { not: "APPLIED" } }, select: { id: true, topic: true } });
  for (const port of ports) {
    const outcome = await syncOutputPort(port.id);
    if (!outcome.ok) throw new Error(`Could not provision ${port.topic}: ${outcome.error}`);
  }
  const grants = await db.grant.findMany({ where: { provisioning: { not: "APPLIED" } }, select: { id: true } });
  for (const g of grants) {
    const outcome = await syncGrant(g.id);
    if (!outcome.ok) throw new Error(`Could not apply grant ${g.id}: ${outcome.error}`);
  }
  return { ports: ports.length, grants: grants.length };
}

/** A few hundred messages, so the product pages show real offsets and last-message times. */
async function produceInitialMessages() {
  const p = await producer();
  let sent = 0;
  try {
    for (const demo of products) {
      const port = await db.outputPort.findFirst({ where: { dataProduct: { slug: demo.slug } } });
      if (!port) continue;
      const live = await describeTopic(port.topic);
      if (!live || live.messageCount > 0) continue;
      const count = 20 + (demo.slug.length % 5) * 10;
      const messages = Array.from({ length: count }, (_, i) => sampleMessage(demo.fields, i, Date.now() - (count - i) * 60_000));
      await p.send({ topic: port.topic, messages });
      sent += count;
    }
  } finally {
    await p.disconnect();
  }
  return sent;
}

async function main() {
  const started = Date.now();
  await seedOrganisation();
  const created = await seedProducts();
  await seedRequests();
  const provisioned = await provision();
  const sent = await produceInitialMessages();
  console.log(
    `demo mesh: ${created} products created, ${provisioned.ports} topics and ${provisioned.grants} grants provisioned, ${sent} messages produced (${Date.now() - started} ms)`,
  );
}

main()
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(async () => {
    await closeKafka();
    await db.$disconnect();
  });
