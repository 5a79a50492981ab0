import "server-only";
// kafkajs is CommonJS; Node's ESM loader only sees some of its named exports (not the ACL/config enums),
// so take everything from the default export. Works the same under Next, tsx and vitest.
import kafkajs, { type Admin, type Kafka as KafkaClient, type KafkaConfig, type LogEntry, type Producer, type SASLOptions } from "kafkajs";
import { env } from "@/lib/env";
import { KafkaUnavailableError, toKafkaError } from "./errors";

const { Kafka, logLevel, Partitioners } = kafkajs;

export type KafkaCredentials = { username: string; password: string };

export function kafkaBrokers(): string[] {
  return env.KAFKA_BROKERS.split(",").map((b) => b.trim()).filter(Boolean);
}

function sasl(credentials: KafkaCredentials | undefined): SASLOptions | undefined {
  const mechanism = env.KAFKA_SASL_MECHANISM || (credentials ? "scram-sha-512" : "");
  const { username, password } = credentials ?? { username: env.KAFKA_SASL_USERNAME, password: env.KAFKA_SASL_PASSWORD };
  if (mechanism === "plain") return { mechanism, username, password };
  if (mechanism === "scram-sha-256") return { mechanism, username, password };
  if (mechanism === "scram-sha-512") return { mechanism, username, password };
  return undefined;
}

// kafkajs logs every error response at ERROR with stacks, including ones we expect and handle (topic
// exists, unknown topic on delete, connection refused). One short line per warning is enough; the admin
// logs nothing because withAdmin() turns every failure into a thrown, typed error.
function logCreator() {
  return ({ level, log }: LogEntry) => {
    if (level > logLevel.WARN) return;
    if (typeof log.message === "string" && log.message.startsWith("[Connection] Response")) return;
    const detail = [log.broker, log.error].filter(Boolean).join(" ");
    console.warn(`[kafkajs] ${log.message}${detail ? ` (${detail})` : ""}`);
  };
}

/**
 * Connection settings from lib/env. Timeouts and retries are deliberately short: these calls run while a
 * user waits, and kafkajs's defaults take 7-10 s to give up on a dead cluster.
 */
export function kafkaConfig(credentials?: KafkaCredentials): KafkaConfig {
  const budget = env.KAFKA_REQUEST_TIMEOUT_MS;
  return {
    clientId: env.KAFKA_CLIENT_ID,
    brokers: kafkaBrokers(),
    ssl: env.KAFKA_SSL,
    sasl: sasl(credentials),
    connectionTimeout: Math.min(3000, Math.ceil(budget / 2)),
    authenticationTimeout: Math.min(3000, Math.ceil(budget / 2)),
    requestTimeout: budget,
    retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1000 },
    logLevel: logLevel.WARN,
    logCreator,
  };
}

/** A kafkajs client for other credentials (tests, seeding): e.g. consume as User:team-payments. */
export function kafkaClientFor(credentials: KafkaCredentials, overrides: Partial<KafkaConfig> = {}): KafkaClient {
  return new Kafka({ ...kafkaConfig(credentials), ...overrides });
}

/** A connected producer as the Meshport admin, for seeding and tests. The caller disconnects it. */
export async function producer(): Promise<Producer> {
  const p = new Kafka(kafkaConfig()).producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  try {
    await p.connect();
  } catch (e) {
    throw toKafkaError(e, kafkaBrokers(), "connect producer");
  }
  return p;
}

// One admin connection per process and connection settings; on globalThis so Next's dev reloads reuse it.
const globalCache = globalThis as { __meshportKafkaAdmins?: Map<string, Promise<Admin>> };
const cache: Map<string, Promise<Admin>> = (globalCache.__meshportKafkaAdmins ??= new Map<string, Promise<Admin>>());

function cacheKey(): string {
  return `${env.KAFKA_BROKERS}|${env.KAFKA_SASL_USERNAME}|${env.KAFKA_SASL_MECHANISM}|${env.KAFKA_SSL}`;
}

function cachedAdmin(): Promise<Admin> {
  const key = cacheKey();
  let admin = cache.get(key);
  if (!admin) {
    const a = new Kafka({ ...kafkaConfig(), logLevel: logLevel.NOTHING }).admin();
    admin = a.connect().then(() => a);
    cache.set(key, admin);
    admin.catch(() => dropAdmin(key));
  }
  return admin;
}

function dropAdmin(key: string) {
  const admin = cache.get(key);
  cache.delete(key);
  void admin?.then((a) => a.disconnect()).catch(() => {});
}

/** Disconnect the cached admin (tests, graceful shutdown). */
export async function closeKafka(): Promise<void> {
  const all = [...cache.values()];
  cache.clear();
  await Promise.allSettled(all.map((p) => p.then((a) => a.disconnect())));
}

/**
 * Run `fn` with the cached admin, within KAFKA_REQUEST_TIMEOUT_MS, mapping errors to KafkaUnavailableError /
 * KafkaOperationError. A connection failure drops the cached admin so the next call reconnects.
 */
export async function withAdmin<T>(operation: string, fn: (admin: Admin) => Promise<T>, budgetMs = env.KAFKA_REQUEST_TIMEOUT_MS): Promise<T> {
  const brokers = kafkaBrokers();
  const key = cacheKey();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new KafkaUnavailableError(brokers, `no answer within ${budgetMs} ms`)), budgetMs);
  });
  try {
    return await Promise.race([cachedAdmin().then(fn), timeout]);
  } catch (e) {
    const err = toKafkaError(e, brokers, operation);
    if (err instanceof KafkaUnavailableError) dropAdmin(key);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
