import { describe, expect, it } from "vitest";
import { parseEnv, parseToolEnv } from "./env";
import { trustHost } from "./auth/trust-host";

const SECRET = "a-secret-of-at-least-thirty-two-characters";

describe("parseEnv", () => {
  it("gives the local defaults with an empty environment", () => {
    const e = parseEnv({});
    expect(e).toMatchObject({ NODE_ENV: "development", KAFKA_BROKERS: "localhost:19092", MESHPORT_DIST_DIR: ".next", MESHPORT_COMPRESS: false, MESHPORT_WORKER: true });
    expect(e.AUTH_SECRET).toBeUndefined();
  });

  it("requires AUTH_SECRET when a production server starts", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET: is required in production/);
    expect(() => parseEnv({ NODE_ENV: "production" }, "phase-production-server")).toThrow(/AUTH_SECRET/);
    expect(parseEnv({ NODE_ENV: "production", AUTH_SECRET: SECRET }).AUTH_SECRET).toBe(SECRET);
  });

  it("does not require it while next build prerenders, nor in development", () => {
    expect(() => parseEnv({ NODE_ENV: "production" }, "phase-production-build")).not.toThrow();
    expect(() => parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).not.toThrow();
    expect(() => parseEnv({ NODE_ENV: "development" })).not.toThrow();
  });

  it("refuses a short secret", () => {
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: must be at least 32 characters/);
  });

  it("reads booleans strictly, and lists every wrong variable at once", () => {
    expect(parseEnv({ AUTH_TRUST_HOST: "true", MESHPORT_COMPRESS: "1", KAFKA_SSL: "false" })).toMatchObject({ AUTH_TRUST_HOST: true, MESHPORT_COMPRESS: true, KAFKA_SSL: false });
    expect(parseEnv({ MESHPORT_WORKER: "false" }).MESHPORT_WORKER).toBe(false);
    let message = "";
    try {
      parseEnv({ AUTH_TRUST_HOST: "yes", DATABASE_URL: "not a url", KAFKA_REQUEST_TIMEOUT_MS: "-5", NODE_ENV: "staging" });
    } catch (e) {
      message = (e as Error).message;
    }
    for (const name of ["AUTH_TRUST_HOST", "DATABASE_URL", "KAFKA_REQUEST_TIMEOUT_MS", "NODE_ENV"]) expect(message).toContain(`${name}:`);
  });
});

describe("trustHost", () => {
  it("trusts the Host header in production only when told to", () => {
    const prod = parseEnv({ NODE_ENV: "production", AUTH_SECRET: SECRET });
    expect(trustHost(prod)).toBe(false);
    expect(trustHost(parseEnv({ NODE_ENV: "production", AUTH_SECRET: SECRET, AUTH_TRUST_HOST: "true" }))).toBe(true);
    expect(trustHost(parseEnv({ NODE_ENV: "production", AUTH_SECRET: SECRET, AUTH_TRUST_HOST: "false", AUTH_URL: "https://meshport.example.com" }))).toBe(true);
    expect(trustHost(parseEnv({ NODE_ENV: "production", AUTH_SECRET: SECRET, AUTH_TRUST_HOST: "false" }))).toBe(false);
    expect(trustHost(parseEnv({}))).toBe(true);
  });
});

describe("parseToolEnv", () => {
  it("gives the tooling's defaults and checks ports and lists", () => {
    expect(parseToolEnv({})).toMatchObject({ MESHPORT_TEST_APP_PORT: 3100, BENCH_SIZES: [1000, 10000, 100000], CHROMIUM_PATH: "/usr/bin/chromium", CI: false });
    expect(parseToolEnv({ BENCH_SIZES: "500,2000", MESHPORT_TEST_APP_PORT: "3121" })).toMatchObject({ BENCH_SIZES: [500, 2000], MESHPORT_TEST_APP_PORT: 3121 });
    expect(() => parseToolEnv({ MESHPORT_TEST_APP_PORT: "70000" })).toThrow(/MESHPORT_TEST_APP_PORT/);
    expect(() => parseToolEnv({ BENCH_SIZES: "10,x" })).toThrow(/BENCH_SIZES/);
  });
});

describe("env", () => {
  it("is parsed on first use, and a test may point a variable elsewhere for a moment", async () => {
    const { env } = await import("./env");
    const saved = env.KAFKA_BROKERS;
    env.KAFKA_BROKERS = "localhost:1";
    try {
      expect(env.KAFKA_BROKERS).toBe("localhost:1");
    } finally {
      env.KAFKA_BROKERS = saved;
    }
    expect(env.KAFKA_BROKERS).toBe(saved);
    expect("DATABASE_URL" in env).toBe(true);
  });
});
