import { z } from "zod";

// Every environment variable Meshport reads, validated in one place (in the style of t3's
// createEnv): the app's, and the test and benchmark tooling's. The README lists them all.
// Scripts (scripts/demo.sh, scripts/test.sh) export the local defaults, AUTH_SECRET included.
// Nothing else reads process.env: next.config.ts, prisma.config.ts, playwright.config.ts,
// tests/support and bench/ import from here.

const bool = z
  .enum(["true", "false", "1", "0", ""], { message: 'expected "true" or "false"' })
  .optional()
  .transform((v) => v === "true" || v === "1");
const port = (fallback: number) => z.coerce.number().int().min(1).max(65_535).default(fallback);
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** The app's variables (server side only; none of them reaches the browser). */
const appSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** Set by `next build` while it prerenders; secrets are not needed then. */
    NEXT_PHASE: z.string().optional(),
    DATABASE_URL: z.string().url().default("postgresql://meshport:meshport@localhost:54329/meshport"),

    KAFKA_BROKERS: z.string().min(1).default("localhost:19092"),
    KAFKA_CLIENT_ID: z.string().default("meshport"),
    KAFKA_SASL_MECHANISM: z.enum(["scram-sha-256", "scram-sha-512", "plain", ""]).default("scram-sha-512"),
    KAFKA_SASL_USERNAME: z.string().default("meshport"),
    KAFKA_SASL_PASSWORD: z.string().default(""),
    KAFKA_SSL: bool,
    /** What the connection snippets show consumers as the bootstrap address. */
    KAFKA_PUBLIC_BOOTSTRAP: z.string().optional(),
    /** Milliseconds a user-facing Kafka call may take before we tell the user Kafka is unreachable. */
    KAFKA_REQUEST_TIMEOUT_MS: positiveInt(5000),

    /** Confluent-compatible Schema Registry API (Confluent, Apicurio's /apis/ccompat/v7, Karapace, Redpanda). */
    SCHEMA_REGISTRY_URL: z.string().url().default("http://localhost:18081/apis/ccompat/v7"),
    SCHEMA_REGISTRY_USERNAME: z.string().default(""),
    SCHEMA_REGISTRY_PASSWORD: z.string().default(""),
    /** Milliseconds a registry call may take before Meshport says the registry is unreachable. */
    SCHEMA_REGISTRY_TIMEOUT_MS: positiveInt(5000),

    /** Kafka Connect's REST API (the local worker of scripts/connect, or your own cluster). */
    KAFKA_CONNECT_URL: z.string().url().default("http://localhost:18083"),
    KAFKA_CONNECT_USERNAME: z.string().default(""),
    KAFKA_CONNECT_PASSWORD: z.string().default(""),
    /**
     * Where the Connect workers read team passwords from (a properties file `<user>=<password>`, by
     * FileConfigProvider `file`): connectors run as their team's principal without a password in their config.
     */
    KAFKA_CONNECT_CREDENTIALS_FILE: z.string().default(""),
    /** The folder on the Connect workers that file connectors may read and write (none: no file connectors). */
    KAFKA_CONNECT_FILE_DIR: z.string().default(""),
    /** Milliseconds a Connect call may take before Meshport says Connect is unreachable. */
    KAFKA_CONNECT_TIMEOUT_MS: positiveInt(10000),

    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
    /** Trust the Host / X-Forwarded-* headers (behind a load balancer). next-auth trusts them in development anyway. */
    AUTH_TRUST_HOST: bool,
    /** The portal's public URL, when the Host header is not to be trusted. */
    AUTH_URL: z.string().url().optional(),
    MESHPORT_DEMO_SIGNIN: bool,
    AUTH_OIDC_ISSUER: z.string().url().optional(),
    AUTH_OIDC_CLIENT_ID: z.string().optional(),
    AUTH_OIDC_CLIENT_SECRET: z.string().optional(),
    AUTH_OIDC_NAME: z.string().default("Single sign-on"),
    /** Scopes asked of the provider; add the one that releases groups when it needs one (Okta, Keycloak: `groups`). */
    AUTH_OIDC_SCOPE: z.string().min(1).default("openid profile email"),
    /** The ID-token claim holding the user's groups, which sign-in rules map to teams and roles (dots read a nested claim). */
    AUTH_OIDC_GROUPS_CLAIM: z.string().min(1).default("groups"),

    /** Run background jobs (provisioning retries, reconciling) in this process. */
    MESHPORT_WORKER: z.enum(["true", "false", "1", "0", ""]).optional().transform((v) => v !== "false" && v !== "0"),
    /** Seconds from the end of one ACL reconciliation to the start of the next (docs/decisions/0035). */
    MESHPORT_RECONCILE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    /** How often the collector reads the cluster into Meshport's index (lib/cluster-index, docs/decisions/0040). */
    MESHPORT_INDEX_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(30),
    /** Days the audit log keeps events; unset keeps everything. Pruning is itself audited (lib/audit/retention.ts). */
    MESHPORT_AUDIT_RETENTION_DAYS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(36_500).optional()),
    /** Gzip responses in Node (docs/decisions/0016). */
    MESHPORT_COMPRESS: bool,
    /** next build's output folder (tests and the benchmark build into their own). */
    MESHPORT_DIST_DIR: z.string().min(1).default(".next"),
  })
  .superRefine((e, ctx) => {
    // A production server signs sessions with a secret of its own; the scripts generate one
    // per data dir, so `npm run demo` and `npm test` (which run `next start`) pass.
    if (e.NODE_ENV === "production" && e.NEXT_PHASE !== "phase-production-build" && !e.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production (openssl rand -base64 32)" });
    }
  });

/** Test and benchmark tooling: tests/support, playwright.config.ts, bench/. */
const toolSchema = z.object({
  CI: bool,
  MESHPORT_DATA_DIR: z.string().min(1).default(".meshport"),
  MESHPORT_TEST_APP_PORT: port(3100),
  /** The OpenID Connect provider the end-to-end tests start (tests/support/oidc). */
  MESHPORT_TEST_OIDC_PORT: port(3109),
  MESHPORT_PW_OUTPUT: z.string().min(1).default("test-results"),
  CHROMIUM_PATH: z.string().min(1).default("/usr/bin/chromium"),
  BENCH_SIZES: z
    .string()
    .default("1000,10000,100000")
    .transform((v) => v.split(",").map(Number))
    .pipe(z.array(z.number().int().positive()).min(1)),
  BENCH_ROUNDS: positiveInt(7),
  BENCH_PORT: port(3399),
  BENCH_DIST_DIR: z.string().min(1).default(".next-bench"),
  BENCH_DETAIL: bool,
  BENCH_SKIP_BUILD: bool,
  MESHPORT_BENCH_PG_PORT: port(54399),
  /** The cluster index benchmark's `next start` (bench/index). */
  BENCH_INDEX_PORT: port(3181),
  /** bench:load — simulated users, seconds of load, synthetic products, its `next start`'s port and build folder. */
  LOAD_USERS: positiveInt(50),
  LOAD_SECONDS: positiveInt(300),
  LOAD_PRODUCTS: positiveInt(10_000),
  LOAD_PORT: port(3188),
  /** Pause between one user's steps, in ms (each pause drawn from half to one and a half of it). */
  LOAD_THINK_MS: z.coerce.number().int().min(0).default(1000),
  /** Reuse meshport_load as the last run left it instead of copying the demo mesh afresh. */
  LOAD_KEEP_DB: bool,
  /** bench:lighthouse — a running Meshport to audit (e.g. the demo's http://localhost:3000); unset: the bench builds and starts its own on LIGHTHOUSE_PORT. */
  LIGHTHOUSE_URL: z.string().url().optional(),
  LIGHTHOUSE_PORT: port(3190),
  /** Lighthouse runs per page and profile; the table shows their medians. */
  LIGHTHOUSE_RUNS: positiveInt(3),
  /** Rounds of the access-latency benchmark. */
  RUNS: positiveInt(20),
  /** bench:audit — events in the log it exports. */
  AUDIT_EVENTS: positiveInt(1_000_000),
  /** bench:reconcile: synthetic grants, timed passes, repairs measured, and the loop's interval (default the app's). */
  GRANTS: positiveInt(1000),
  PASSES: positiveInt(10),
  REPAIRS: z.coerce.number().int().min(0).default(3),
  INTERVAL: z.coerce.number().int().min(1).max(3600).optional(),
});

export type Env = z.infer<typeof appSchema>;
export type ToolEnv = z.infer<typeof toolSchema>;
type Source = Record<string, string | undefined>;

function parseWith<S extends z.ZodType>(schema: S, source: Source): z.infer<S> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data as z.infer<S>;
}

/** The app's environment from `source`; throws with every problem listed. `phase` is next.config's. */
export function parseEnv(source: Source, phase?: string): Env {
  return parseWith(appSchema, phase ? { ...source, NEXT_PHASE: phase } : source);
}

export function parseToolEnv(source: Source): ToolEnv {
  return parseWith(toolSchema, source);
}

// Parsed on first use, so next.config.ts can import this module and validate with its build
// phase before anything reads `env` (instrumentation.ts reads it at server start-up). Tests may
// still point a variable elsewhere for a moment (env.KAFKA_BROKERS = …).
function lazy<T extends object>(load: () => T): T {
  let value: T | undefined;
  const loaded = () => (value ??= load());
  return new Proxy({} as T, {
    get: (_t, key) => loaded()[key as keyof T],
    set: (_t, key, v: unknown) => Reflect.set(loaded(), key, v),
    has: (_t, key) => key in loaded(),
    ownKeys: () => Reflect.ownKeys(loaded()),
    getOwnPropertyDescriptor: (_t, key) => Reflect.getOwnPropertyDescriptor(loaded(), key),
  });
}

export const env: Env = lazy(() => parseEnv(process.env));
export const toolEnv: ToolEnv = lazy(() => parseToolEnv(process.env));
