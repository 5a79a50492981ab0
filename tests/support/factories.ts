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
