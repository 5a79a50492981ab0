import { z } from "zod";

// Every environment variable Meshport reads, checked once. The README lists them.
// Scripts (scripts/demo.sh, scripts/test.sh) export the local defaults.
const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url().default("postgresql://meshport:meshport@localhost:54329/meshport"),

  KAFKA_BROKERS: z.string().min(1).default("localhost:19092"),
  KAFKA_CLIENT_ID: z.string().default("meshport"),
  KAFKA_SASL_MECHANISM: z.enum(["scram-sha-256", "scram-sha-512", "plain", ""]).default("scram-sha-512"),
  KAFKA_SASL_USERNAME: z.string().default("meshport"),
  KAFKA_SASL_PASSWORD: z.string().default(""),
  KAFKA_SSL: bool,
  /// What the connection snippets show consumers as the bootstrap address.
  KAFKA_PUBLIC_BOOTSTRAP: z.string().optional(),
  /// Milliseconds a user-facing Kafka call may take before we tell the user Kafka is unreachable.
  KAFKA_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),

  AUTH_SECRET: z.string().min(1).optional(),
  MESHPORT_DEMO_SIGNIN: bool,
  AUTH_OIDC_ISSUER: z.string().url().optional(),
  AUTH_OIDC_CLIENT_ID: z.string().optional(),
  AUTH_OIDC_CLIENT_SECRET: z.string().optional(),
  AUTH_OIDC_NAME: z.string().default("Single sign-on"),

  /// Run background jobs (provisioning retries, reconciling) in this process.
  MESHPORT_WORKER: z.enum(["true", "false", "1", "0", ""]).optional().transform((v) => v !== "false" && v !== "0"),
});

export type Env = z.infer<typeof schema>;

function parse(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env: Env = parse();
