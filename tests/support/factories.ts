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
 * A data product of a team with one output port and an Avro schema (version 1), written straight
 * into the tables: what a product looks like once created, without going through the form.
 */
export async function createProductWithPort(teamSlug: string, slug: string, fields: Array<{ name: string; type: string | string[] }>): Promise<{ id: string; slug: string; topic: string }> {
  const db = testDb();
  const team = await db.team.findUniqueOrThrow({ where: { slug: teamSlug }, include: { domain: true } });
  const topic = `${team.domain.slug}.${slug}.v1`;
  const product = await db.dataProduct.create({
    data: {
      slug,
      name: `Product ${slug}`,
      description: "Made by the test factory.",
      domainId: team.domainId,
      ownerTeamId: team.id,
      tags: ["e2e"],
      outputPorts: {
        create: {
          name: "events",
          topic,
          partitions: 1,
          replicationFactor: 1,
          retentionMs: 72n * 3_600_000n,
          schemaVersions: { create: { version: 1, format: "AVRO", definition: { type: "record", name: "Event", fields } } },
        },
      },
    },
  });
  return { id: product.id, slug, topic };
}
