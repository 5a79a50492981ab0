// Loads the demo mesh (scripts/seed/demo-mesh.ts) into the database and Kafka.
// Idempotent: rows are upserted by their natural keys, and Kafka provisioning only
// touches what is not applied yet, so a second run is fast and changes nothing.
// Run with: npx tsx --conditions=react-server scripts/seed/demo.ts
import { db, type Prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { topicNameFor } from "@/lib/governance/policies";
import { closeKafka, describeTopic, producer } from "@/lib/kafka";
import { syncGrant, syncOutputPort } from "@/lib/provisioning";
import { needsDataProtection } from "@/lib/access/context";
import { checkAllConformance } from "@/lib/contracts/conformance";
import { domainOwners, domains, products, requests, teams, users } from "./demo-mesh";
import { flaw, sampleMessage } from "./sample-messages";
import { seedConnectors, seedProcessors } from "./demo-connectors";
import { demoEncoder, demoPersonalData, demoQualityRules, FLAWED_PRODUCT, JSON_SCHEMA_PRODUCT, STREAMS_PRODUCT, jsonSchemaOf, PROTOBUF_PRODUCT, protoOf } from "./demo-contracts";

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
    // Each demo team owns its domain's namespace as a topic prefix (one team per domain here).
    await db.teamTopicPrefix.upsert({ where: { prefix: `${domain.slug}.` }, update: {}, create: { prefix: `${domain.slug}.`, teamId: team.id } });
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

/** Version 1 of a demo product's schema: Avro, except one JSON Schema and one Protobuf product. */
function demoSchemaVersion(p: (typeof products)[number], domainSlug: string) {
  const name = p.name.replace(/[^A-Za-z]/g, "");
  if (p.slug === JSON_SCHEMA_PRODUCT || p.slug === STREAMS_PRODUCT) return { version: 1, format: "JSON_SCHEMA" as const, definition: jsonSchemaOf(name, p.fields) as Prisma.InputJsonValue };
  if (p.slug === PROTOBUF_PRODUCT) return { version: 1, format: "PROTOBUF" as const, definition: { proto: protoOf(name, p.fields) } };
  return { version: 1, definition: { type: "record", name, namespace: `com.example.${domainSlug.replace(/-/g, "")}`, fields: p.fields } as Prisma.InputJsonValue };
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
              qualityRules: (demoQualityRules[p.slug] ?? []) as Prisma.InputJsonValue,
              personalDataFields: demoPersonalData[p.slug] ?? [],
              schemaVersions: { create: demoSchemaVersion(p, team.domain.slug) },
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

const userId = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;
const who = async (email: string) => {
  const u = await db.user.findUniqueOrThrow({ where: { email } });
  return { id: u.id, name: u.name ?? email };
};

async function seedDomainOwners() {
  for (const [slug, email] of domainOwners) {
    const domain = await db.domain.findUniqueOrThrow({ where: { slug } });
    const id = await userId(email);
    await db.domainOwner.upsert({ where: { domainId_userId: { domainId: domain.id, userId: id } }, update: {}, create: { domainId: domain.id, userId: id } });
  }
}

/** One request per product and team, in the state the demo wants to show; skipped when it exists. */
async function seedRequests() {
  for (const r of requests) {
    const product = await db.dataProduct.findUniqueOrThrow({ where: { slug: r.product }, include: { outputPorts: true } });
    const team = await db.team.findUniqueOrThrow({ where: { slug: r.team }, include: { principals: true } });
    const exists = await db.accessRequest.findFirst({ where: { dataProductId: product.id, consumerTeamId: team.id } });
    if (exists) continue;
    const requester = await who(r.requester);
    const owner = r.approvedBy ? await who(r.approvedBy) : null;
    const dpo = r.dataProtectionBy ? await who(r.dataProtectionBy) : null;
    const rejecter = r.rejected ? await who(r.rejected.by) : null;
    const needsDp = needsDataProtection(product);
    const granted = Boolean(owner && (!needsDp || dpo));
    const createdAt = new Date(Date.now() - (r.ageDays ?? (owner || rejecter ? 20 : 2)) * DAY);
    const decidedAt = new Date(createdAt.getTime() + DAY);
    const accessUntil = new Date(createdAt.getTime() + r.days * DAY);
    const status = r.rejected ? "REJECTED" : !granted ? "PENDING" : r.ended ? r.ended.as : "APPROVED";
    const decider = rejecter ?? dpo ?? owner;
    await db.$transaction(async (tx) => {
      const request = await tx.accessRequest.create({
        data: {
          dataProductId: product.id,
          consumerTeamId: team.id,
          requesterId: requester.id,
          purpose: r.purpose,
          accessUntil,
          createdAt,
          status,
          requiresDataProtection: needsDp,
          pendingKey: status === "PENDING" ? `${product.id}:${team.id}` : null,
          decidedById: status === "PENDING" ? null : decider?.id,
          decidedAt: status === "PENDING" ? null : decidedAt,
          decisionReason: r.rejected?.reason ?? (granted ? "Fits the purpose; go ahead." : null),
        },
      });
      const audit = (actor: { id: string; name: string } | "system", action: string, after: Record<string, unknown>, at?: Date) =>
        recordAudit(tx, { actor, action, targetType: "access-request", targetId: request.id, after: { ...after, source: "demo seed" } }).then(async () => {
          if (at) await tx.auditEvent.updateMany({ where: { targetId: request.id, action }, data: { at } });
        });
      await audit(requester, "access-request.created", { purpose: r.purpose }, createdAt);
      if (owner) {
        await tx.accessApproval.create({ data: { accessRequestId: request.id, step: "OWNER", approverId: owner.id, createdAt: decidedAt, reason: needsDp ? "Owners agree." : null } });
        if (needsDp && !dpo) await audit(owner, "access-request.owner-approved", { status: "PENDING" }, decidedAt);
      }
      if (dpo) await tx.accessApproval.create({ data: { accessRequestId: request.id, step: "DATA_PROTECTION", approverId: dpo.id, createdAt: decidedAt, reason: "Lawful purpose, minimal data." } });
      if (rejecter) await audit(rejecter, "access-request.rejected", { status: "REJECTED", reason: r.rejected!.reason }, decidedAt);
      if (granted) {
        await audit(decider!, "access-request.approved", { status: "APPROVED" }, decidedAt);
        const ended = r.ended;
        const endedAt = ended?.as === "EXPIRED" ? accessUntil : new Date(decidedAt.getTime() + 5 * DAY);
        const endedBy = ended?.as === "REVOKED" ? await who(ended.by) : null;
        for (const port of product.outputPorts) {
          await tx.grant.create({
            data: {
              kind: "CONSUME", dataProductId: product.id, outputPortId: port.id, teamId: team.id, principalId: team.principals[0]!.id, accessRequestId: request.id, validUntil: accessUntil,
              // Granted when decided (the unused-grant policy counts from then).
              createdAt: decidedAt,
              // Ended examples never had ACLs in this Kafka: nothing to remove.
              ...(ended
                ? { status: ended.as, provisioning: "APPLIED" as const, provisionedAt: endedAt, endedAt, endedById: endedBy?.id ?? null, endReason: ended.as === "REVOKED" ? ended.reason : `Access ended on ${accessUntil.toISOString().slice(0, 10)} as granted.` }
                : {}),
            },
          });
        }
        if (ended) await audit(endedBy ?? "system", ended.as === "REVOKED" ? "access-request.revoked" : "access-request.expired", { status: ended.as }, endedAt);
      }
      for (const [i, [email, body]] of (r.comments ?? []).entries()) {
        await tx.accessRequestComment.create({ data: { accessRequestId: request.id, authorId: await userId(email), body, createdAt: new Date(decidedAt.getTime() + (i + 1) * 3_600_000) } });
      }
      if (status === "PENDING" && owner && needsDp) {
        const dpos = await tx.user.findMany({ where: { isDataProtectionApprover: true }, select: { id: true } });
        await tx.notification.createMany({
          data: dpos.map((u) => ({ userId: u.id, kind: "access-request.awaiting-data-protection", title: `${team.name} → ${product.name} needs data-protection approval`, body: "The owners approved.", href: `/access/${request.id}` })),
        });
      }
      if (r.ended?.as === "REVOKED" && granted) {
        await tx.notification.create({ data: { userId: requester.id, kind: "grant.revoked", title: `Access to ${product.name} was revoked`, body: r.ended.reason, href: `/access/${request.id}` } });
      }
    });
  }
}

/** Creates topics and ACLs for everything not yet applied in Kafka. */
async function provision() {
  const ports = await db.outputPort.findMany({
    where: { OR: [{ provisioning: { not: "APPLIED" } }, { schemaVersions: { some: { registryId: null } } }] },
    select: { id: true, topic: true },
  });
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
      if (demo.slug === STREAMS_PRODUCT) continue;
      const port = await db.outputPort.findFirst({
        where: { dataProduct: { slug: demo.slug } },
        include: { schemaVersions: { where: { part: "VALUE" }, orderBy: { version: "desc" }, take: 1 } },
      });
      if (!port) continue;
      const live = await describeTopic(port.topic);
      if (!live || live.messageCount > 0) continue;
      const count = 20 + (demo.slug.length % 5) * 10;
      const encode = demoEncoder(port.schemaVersions[0]);
      const tweak = demo.slug === FLAWED_PRODUCT ? flaw : undefined;
      const messages = Array.from({ length: count }, (_, i) => sampleMessage(demo.fields, i, Date.now() - (count - i) * 60_000, encode, tweak));
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
  await seedDomainOwners();
  await seedRequests();
  const provisioned = await provision();
  const sent = await produceInitialMessages();
  // A first conformance pass, so scores show before the five-minute job first runs.
  const conformance = await checkAllConformance();
  const connectors = `${await seedConnectors()}; ${await seedProcessors()}`;
  console.log(
    `demo mesh: ${created} products created, ${provisioned.ports} topics and ${provisioned.grants} grants provisioned, ${sent} messages produced; ` +
      `conformance: ${conformance.messages} messages of ${conformance.ports} ports checked in ${conformance.ms} ms; ${connectors} (${Date.now() - started} ms)`,
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
