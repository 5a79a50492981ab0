// Kafka clients that act as a team's principal, for tests that check what the
// broker itself allows. Plain kafkajs (no app code), so both vitest and
// Playwright can use it. Connection from the KAFKA_* variables scripts/test.sh
// exports; team passwords from the local broker's principals.json.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Kafka, logLevel, type SASLOptions } from "kafkajs";
import { env, toolEnv } from "../../lib/env";

export function teamPassword(user: string): string {
  const dataDir = path.resolve(toolEnv.MESHPORT_DATA_DIR);
  const passwords = JSON.parse(readFileSync(path.join(dataDir, "kafka/principals.json"), "utf8")) as Record<string, string>;
  const password = passwords[user];
  if (!password) throw new Error(`No password for ${user} in ${dataDir}/kafka/principals.json`);
  return password;
}

function kafkaAs(user?: string): Kafka {
  const mechanism = (env.KAFKA_SASL_MECHANISM || "scram-sha-512") as "scram-sha-512";
  const sasl: SASLOptions = user
    ? { mechanism, username: user, password: teamPassword(user) }
    : { mechanism, username: env.KAFKA_SASL_USERNAME, password: env.KAFKA_SASL_PASSWORD };
  return new Kafka({
    clientId: `test-${user ?? "admin"}`,
    brokers: env.KAFKA_BROKERS.split(","),
    sasl,
    connectionTimeout: 3000,
    requestTimeout: 5000,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });
}

/** The broker's error name behind a kafkajs error (retries and aggregates unwrapped). */
export function errorType(e: unknown): string {
  let err = e as { type?: string; cause?: unknown; name?: string; message?: string } | undefined;
  for (let i = 0; i < 5 && err && !err.type && err.cause; i++) err = err.cause as typeof err;
  return err?.type ?? `${err?.name}: ${err?.message}`;
}

export type ConsumeResult = { value: string } | { refused: string };

/** Consumes the first message of `topic` as `user` (a SCRAM username), or reports why the broker refused. */
export async function consumeOne(user: string, topic: string, groupId: string, timeoutMs = 15_000): Promise<ConsumeResult> {
  const consumer = kafkaAs(user).consumer({
    groupId,
    maxWaitTimeInMs: 100,
    // A few retries: the first group on a fresh broker waits for __consumer_offsets to be created.
    retry: { retries: 4, initialRetryTime: 300, restartOnFailure: async () => false },
  });
  try {
    await consumer.connect();
    return await new Promise<ConsumeResult>((resolve) => {
      const timer = setTimeout(() => resolve({ refused: "TIMEOUT" }), timeoutMs);
      const done = (r: ConsumeResult) => {
        clearTimeout(timer);
        resolve(r);
      };
      consumer.on(consumer.events.CRASH, (e) => done({ refused: errorType(e.payload.error) }));
      consumer
        .subscribe({ topics: [topic], fromBeginning: true })
        .then(() => consumer.run({ eachMessage: async ({ message }) => done({ value: message.value?.toString() ?? "" }) }))
        .catch((e: unknown) => done({ refused: errorType(e) }));
    });
  } finally {
    await consumer.disconnect().catch(() => {});
  }
}

/** Produces one message as `user` (or as the Meshport admin); "ok" or the broker's error name. */
export async function produceAs(user: string | undefined, topic: string, value: string): Promise<string> {
  const p = kafkaAs(user).producer({ allowAutoTopicCreation: false });
  try {
    await p.connect();
    await p.send({ topic, messages: [{ value }] });
    return "ok";
  } catch (e) {
    return errorType(e);
  } finally {
    await p.disconnect().catch(() => {});
  }
}

/** The topic as the broker sees it: partition count and selected configs. */
export async function describeTopicAsAdmin(topic: string): Promise<{ partitions: number; replicationFactor: number; configs: Record<string, string> }> {
  const admin = kafkaAs().admin();
  await admin.connect();
  try {
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    const described = await admin.describeConfigs({ resources: [{ type: 2, name: topic }], includeSynonyms: false });
    const partitions = topics[0]?.partitions ?? [];
    return {
      partitions: partitions.length,
      replicationFactor: partitions[0]?.replicas.length ?? 0,
      configs: Object.fromEntries((described.resources[0]?.configEntries ?? []).map((c) => [c.configName, c.configValue])),
    };
  } finally {
    await admin.disconnect();
  }
}

/** Polls `probe` until `done` holds for its result, or the time is up; returns the last result. */
export async function eventually<T>(probe: () => Promise<T>, done: (r: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!done(last) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    last = await probe();
  }
  return last;
}

/** Whether the broker lists the topic (as Meshport's admin principal). */
export async function topicExistsAsAdmin(topic: string): Promise<boolean> {
  const admin = kafkaAs().admin();
  await admin.connect();
  try {
    return (await admin.listTopics()).includes(topic);
  } finally {
    await admin.disconnect();
  }
}
