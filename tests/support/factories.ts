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
