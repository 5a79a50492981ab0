// Test data straight into PostgreSQL, for Playwright journeys (which cannot load lib/, it is
// server-only): the generated Prisma client on its own pool, from the DATABASE_URL
// scripts/test.sh exports.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/db/generated/client";

let client: PrismaClient | undefined;

export function testDb(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run the journeys through npm test");
  client ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return client;
}

/** A user listed by the demo sign-in picker, in no team yet: what a person is after their first SSO sign-in. */
export async function createDemoUser(name: string): Promise<{ id: string; name: string; email: string }> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@example.com`;
  const user = await testDb().user.create({ data: { name, email, isDemo: true } });
  return { id: user.id, name, email };
}

/**
 * A live product of the team with the given output ports, straight into the database: what a product
 * made under looser policies looks like (policies-as-code tests). Topics are named under the team's
 * first prefix; ports start PENDING, so a running portal's provisioning creates them like any other.
 */
export async function createProductWithPorts(opts: {
  teamSlug: string;
  slug: string;
  name: string;
  tags?: string[];
  ports: Array<{ partitions: number; retentionHours: number; replicationFactor?: number }>;
}): Promise<{ id: string; slug: string; topics: string[] }> {
  const team = await testDb().team.findUniqueOrThrow({ where: { slug: opts.teamSlug }, include: { domain: true, topicPrefixes: { orderBy: { prefix: "asc" } } } });
  const prefix = team.topicPrefixes[0]?.prefix ?? `${team.domain.slug}.`;
  const topics = opts.ports.map((_, i) => `${prefix}${opts.slug}${i === 0 ? "" : `-${i + 1}`}.v1`);
  const product = await testDb().dataProduct.create({
    data: {
      slug: opts.slug,
      name: opts.name,
      description: "Made by a test, under looser policies.",
      domainId: team.domainId,
      ownerTeamId: team.id,
      tags: opts.tags ?? ["test"],
      outputPorts: {
        create: opts.ports.map((p, i) => ({
          name: i === 0 ? "events" : `port-${i + 1}`,
          topic: topics[i]!,
          partitions: p.partitions,
          replicationFactor: p.replicationFactor ?? 1,
          retentionMs: BigInt(p.retentionHours) * 3_600_000n,
        })),
      },
    },
  });
  return { id: product.id, slug: product.slug, topics };
}

/** Removes what createProductWithPorts made (its ports go with it). */
export async function deleteProduct(slug: string): Promise<void> {
  await testDb().dataProduct.deleteMany({ where: { slug } });
}

/**
 * A team of its own for a test, in a domain of its own, with a Kafka principal (`User:<slug>`; ACLs need
 * only the name) and, when given, a topic prefix, plus its members: no demo data involved.
 */
export async function createTeamWithMembers(
  slug: string,
  members: { userId: string; role: "MAINTAINER" | "MEMBER" }[],
  options: { prefix?: string } = {},
): Promise<{ id: string; slug: string; name: string; principal: string; domainId: string }> {
  const db = testDb();
  const domain = await db.domain.create({ data: { slug: `${slug}-domain`, name: `Domain ${slug}` } });
  const principal = `User:${slug}`;
  const team = await db.team.create({
    data: {
      slug,
      name: `Team ${slug}`,
      domainId: domain.id,
      principals: { create: { principal } },
      memberships: { create: members },
      ...(options.prefix ? { topicPrefixes: { create: { prefix: options.prefix } } } : {}),
    },
  });
  return { id: team.id, slug, name: team.name, principal, domainId: domain.id };
}

/** Moves a deprecated product's sunset into the past: the journeys cannot wait for a real day to pass. */
export async function moveSunsetIntoThePast(productSlug: string): Promise<void> {
  await testDb().dataProduct.update({ where: { slug: productSlug }, data: { sunsetAt: new Date(Date.now() - 60_000) } });
}

/**
 * An active CONSUME grant of the team on every port of the product, as an approved request leaves it
 * (PENDING: the portal's worker applies the ACLs). Requesting and approving are other journeys' subject.
 */
export async function grantConsumeAccess(productSlug: string, teamId: string): Promise<void> {
  const db = testDb();
  const product = await db.dataProduct.findUniqueOrThrow({ where: { slug: productSlug }, include: { outputPorts: { select: { id: true } } } });
  const principal = await db.kafkaPrincipal.findFirstOrThrow({ where: { teamId } });
  await db.grant.createMany({
    data: product.outputPorts.map((p) => ({ kind: "CONSUME" as const, dataProductId: product.id, outputPortId: p.id, teamId, principalId: principal.id, validUntil: new Date(Date.now() + 30 * 86_400_000) })),
  });
}

/** Ends the product's consumer grants as their expiry would (the worker then removes their ACLs). */
export async function expireConsumerGrants(productSlug: string): Promise<void> {
  await testDb().grant.updateMany({
    where: { dataProduct: { slug: productSlug }, kind: "CONSUME", status: "ACTIVE" },
    data: { status: "EXPIRED", endedAt: new Date(), endReason: "Expired (set by the test).", provisioning: "PENDING" },
  });
}
