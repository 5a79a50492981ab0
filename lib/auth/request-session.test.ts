import { beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import type { sessionFrom as SessionFrom } from "./request-session";

const SECRET = "unit-test-secret-unit-test-secret";
const COOKIE = "authjs.session-token";
// Imported after AUTH_SECRET is set: lib/env reads the environment once.
let sessionFrom: typeof SessionFrom;

beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", SECRET);
  ({ sessionFrom } = await import("./request-session"));
});

const requestWith = (cookie: string) => new NextRequest("http://localhost/api/search?q=x", { headers: { cookie } });
const tokenFor = (sub: string, maxAge: number, secret = SECRET) => encode({ token: { sub, sid: `session-of-${sub}` }, secret, salt: COOKIE, maxAge });
const ref = (userId: string) => ({ userId, sessionId: `session-of-${userId}` });

describe("sessionFrom", () => {
  it("reads the user and session ids from a session cookie, again from the cache", async () => {
    const token = await tokenFor("user-1", 60);
    expect(await sessionFrom(requestWith(`${COOKIE}=${token}`))).toEqual(ref("user-1"));
    expect(await sessionFrom(requestWith(`other=1; ${COOKIE}=${token}`))).toEqual(ref("user-1"));
  });

  it("refuses a token once it has expired, even one it has already decrypted", async () => {
    const token = await tokenFor("user-2", 1);
    const request = () => requestWith(`${COOKIE}=${token}`);
    expect(await sessionFrom(request())).toEqual(ref("user-2"));
    vi.useFakeTimers({ now: Date.now() + 2_000, toFake: ["Date"] });
    try {
      expect(await sessionFrom(request())).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses a token made with another secret, and a request without a session", async () => {
    const forged = await tokenFor("user-3", 60, "another-secret-another-secret-xx");
    expect(await sessionFrom(requestWith(`${COOKIE}=${forged}`))).toBeNull();
    expect(await sessionFrom(requestWith("theme=dark"))).toBeNull();
  });

  it("refuses a token that names no server-side session", async () => {
    const legacy = await encode({ token: { sub: "user-4" }, secret: SECRET, salt: COOKIE, maxAge: 60 });
    expect(await sessionFrom(requestWith(`${COOKIE}=${legacy}`))).toBeNull();
  });
});
