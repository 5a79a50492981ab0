// The fault suite's own data, built through Meshport's domain functions like a user would (tests do not
// lean on the demo): owner teams with products whose topics hold a message, consumer teams whose
// principals are real SCRAM users on the broker, and their access requests.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { db } from "@/lib/db";
import { loadViewer, type Viewer } from "@/lib/auth";
import { createDataProduct } from "@/lib/catalog";
import { createDataProductSchema } from "@/lib/catalog/schemas";
import { requestAccess } from "@/lib/access";
import { requestAccessSchema } from "@/lib/access/schemas";
import { produceAs } from "../../support/kafka-clients";
import { inDays, unique } from "../../support/viewers";

const run = promisify(execFile);

export type Team = { id: string; slug: string; principal: string; member: Viewer };

async function viewer(userId: string): Promise<Viewer> {
  const v = await loadViewer(userId);
  if (!v) throw new Error(`no viewer for ${userId}`);
  return v;
}

/** A team in a domain of its own with one maintainer, a topic prefix `<slug>.` and the principal `User:<slug>`. */
export async function newTeam(kind: string): Promise<Team> {
  const slug = unique(`f-${kind}`);
  const user = await db.user.create({ data: { email: `${slug}@example.com`, name: `Maintainer of ${slug}` } });
  const domain = await db.domain.create({ data: { slug: `${slug}-d`, name: `Domain ${slug}` } });
  const team = await db.team.create({
    data: {
      slug,
      name: `Team ${slug}`,
      domainId: domain.id,
      principals: { create: { principal: `User:${slug}` } },
      topicPrefixes: { create: { prefix: `${slug}.` } },
      memberships: { create: { userId: user.id, role: "MAINTAINER" } },
    },
  });
  return { id: team.id, slug, principal: `User:${slug}`, member: await viewer(user.id) };
}

/** A consumer team whose principal can really connect: a SCRAM user added to the broker (kafka.sh add-user). */
export async function newConsumerTeam(): Promise<Team> {
  const team = await newTeam("con");
  await run("bash", ["scripts/kafka/kafka.sh", "add-user", team.slug], { env: process.env, timeout: 120_000 });
  return team;
}

export function productInput(owner: Team, slug: string, overrides: Record<string, unknown> = {}) {
  return createDataProductSchema.parse({
    ownerTeamId: owner.id,
    name: `Product ${slug}`,
    slug,
    description: "Made by the fault suite.",
    classification: "INTERNAL",
    containsPii: false,
    lifecycle: "ACTIVE",
    tags: "faults",
    partitions: 1,
    replicationFactor: 1,
    retentionHours: 6,
    cleanupPolicy: "delete",
    schema: "",
    ...overrides,
  });
}

export type Product = { id: string; slug: string; topic: string; owner: Team };

/** A live product of the team (topic created in Kafka) with one message in its topic, for consumers to read. */
export async function newProduct(owner: Team): Promise<Product> {
  const slug = unique("fp");
  const created = await createDataProduct(owner.member, productInput(owner, slug));
  const product = await db.dataProduct.findUniqueOrThrow({ where: { slug } });
  const produced = await produceAs(undefined, created.topic, JSON.stringify({ product: slug }));
  if (produced !== "ok") throw new Error(`could not produce to ${created.topic}: ${produced}`);
  return { id: product.id, slug, topic: created.topic, owner };
}

/** The consumer team's member asks for access to the product; returns the request's id. */
export async function askForAccess(consumer: Team, product: Product): Promise<string> {
  const { requestId } = await requestAccess(
    consumer.member,
    requestAccessSchema.parse({ dataProductId: product.id, consumerTeamId: consumer.id, purpose: "Reading it for the fault suite.", accessUntil: inDays(30) }),
  );
  return requestId;
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function inParallel<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]!, i);
      }
    }),
  );
  return results;
}
