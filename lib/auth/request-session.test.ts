import { beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import type { sessionUserIdFrom as SessionUserIdFrom } from "./request-session";

const SECRET = "unit-test-secret-unit-test-secret";
const COOKIE = "authjs.session-token";
// Imported after AUTH_SECRET is set: lib/env reads the environment once.
let sessionUserIdFrom: typeof SessionUserIdFrom;

beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", SECRET);
  ({ sessionUserIdFrom } = await import("./request-session"));
});

const requestWith = (cookie: string) => new NextRequest("http://localhost/api/search?q=x", { headers: { cookie } });
const tokenFor = (sub: string, maxAge: number, secret = SECRET) => encode({ token: { sub }, secret, salt: COOKIE, maxAge });

describe("sessionUserIdFrom", () => {
  it("reads the user id from a session cookie, again from the cache", async () => {
    const token = await tokenFor("user-1", 60);
    expect(await sessionUserIdFrom(requestWith(`${COOKIE}=${token}`))).toBe("user-1");
    expect(await sessionUserIdFrom(requestWith(`other=1; ${COOKIE}=${token}`))).toBe("user-1");
  });

  it("refuses a token once it has expired, even one it has already decrypted", async () => {
    const token = await tokenFor("user-2", 1);
    const request = () => requestWith(`${COOKIE}=${token}`);
    expect(await sessionUserIdFrom(request())).toBe("user-2");
    vi.useFakeTimers({ now: Date.now() + 2_000, toFake: ["Date"] });
    try {
      expect(await sessionUserIdFrom(request())).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses a token made with another secret, and a request without a session", async () => {
    const forged = await tokenFor("user-3", 60, "another-secret-another-secret-xx");
    expect(await sessionUserIdFrom(requestWith(`${COOKIE}=${forged}`))).toBeNull();
    expect(await sessionUserIdFrom(requestWith("theme=dark"))).toBeNull();
  });
});
