// Sessions end on the server: a copy of a session cookie stops working the moment its session is
// signed out, signed out everywhere, its user disabled or removed. Checked through the two ways
// a request is authenticated: the search endpoint's cookie reader with its one-statement viewer
// check, and the viewer loading pages and server actions use.
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Viewer } from "@/lib/auth";
import { loadSessionViewer } from "@/lib/auth/load-viewer";
import { sessionFrom } from "@/lib/auth/request-session";
import { endAllSessions, endSession, startSession } from "@/lib/auth/sessions";
import { setUserDisabled } from "@/lib/auth/users";
import { searchCatalogForUser } from "@/lib/catalog";
import { searchParamsSchema } from "@/lib/catalog/search-params";
import { DomainError } from "@/lib/errors";
import { unique, viewerByEmail } from "../support/viewers";

const COOKIE = "authjs.session-token";
let ada: Viewer;

/** A new user signed in once: their id, the session, and the cookie a browser would hold (and an attacker copy). */
async function signedIn() {
  const user = await db.user.create({ data: { email: `${unique("session")}@example.com`, name: "Session Tester" } });
  const sessionId = await startSession(user.id, "test");
  const token = await encode({ token: { sub: user.id, sid: sessionId }, secret: env.AUTH_SECRET!, salt: COOKIE, maxAge: 3600 });
  return { userId: user.id, sessionId, cookie: `${COOKIE}=${token}` };
}

/** What GET /api/search does with a cookie: null means it answers 401. */
async function searchWith(cookie: string) {
  const session = await sessionFrom(new NextRequest("http://localhost/api/search?q=orders", { headers: { cookie } }));
  return session ? searchCatalogForUser(session, searchParamsSchema.parse({ q: "orders" })) : null;
}

async function works(s: { userId: string; sessionId: string; cookie: string }) {
  return { search: (await searchWith(s.cookie)) !== null, pages: (await loadSessionViewer(s)) !== null };
}

const auditOf = async (userId: string) => (await db.auditEvent.findMany({ where: { targetId: userId }, orderBy: { at: "asc" } })).map((e) => e.action);

beforeAll(async () => {
  ada = await viewerByEmail("ada@example.com");
});

describe("server-side sessions", () => {
  it("a cookie works while its session lives, for the search endpoint (cache included) and for pages", async () => {
    const s = await signedIn();
    expect(await works(s)).toEqual({ search: true, pages: true });
    expect(await works(s)).toEqual({ search: true, pages: true }); // the second read hits the token cache
    expect(await auditOf(s.userId)).toEqual(["session.signed-in"]);
  });

  it("signing out ends the session: a copied cookie stops working at once", async () => {
    const s = await signedIn();
    expect((await searchWith(s.cookie)) !== null).toBe(true); // cached by the endpoint now
    await endSession(s);
    expect(await works(s)).toEqual({ search: false, pages: false });
    expect(await auditOf(s.userId)).toEqual(["session.signed-in", "session.signed-out"]);
  });

  it("signing out everywhere ends every session of the user, and only theirs", async () => {
    const s = await signedIn();
    const other = { ...s, sessionId: await startSession(s.userId, "test") };
    other.cookie = `${COOKIE}=${await encode({ token: { sub: s.userId, sid: other.sessionId }, secret: env.AUTH_SECRET!, salt: COOKIE, maxAge: 3600 })}`;
    const bystander = await signedIn();
    const me = (await loadSessionViewer(s))!;
    expect(await endAllSessions(me, s.userId)).toBe(2);
    expect(await works(s)).toEqual({ search: false, pages: false });
    expect(await works(other)).toEqual({ search: false, pages: false });
    expect(await works(bystander)).toEqual({ search: true, pages: true });
    expect((await auditOf(s.userId)).at(-1)).toBe("session.ended-everywhere");
  });

  it("only the user themselves or a platform admin signs a user out everywhere", async () => {
    const s = await signedIn();
    const victim = await signedIn();
    const me = (await loadSessionViewer(s))!;
    await expect(endAllSessions(me, victim.userId)).rejects.toBeInstanceOf(DomainError);
    expect(await works(victim)).toEqual({ search: true, pages: true });
    expect(await endAllSessions(ada, victim.userId)).toBe(1);
    expect(await works(victim)).toEqual({ search: false, pages: false });
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: victim.userId, action: "session.ended-everywhere" } });
    expect(event.actorId).toBe(ada.id);
  });

  it("disabling a user ends their sessions and keeps new ones from working until enabled", async () => {
    const s = await signedIn();
    await setUserDisabled(ada, s.userId, true);
    expect(await works(s)).toEqual({ search: false, pages: false });
    // Even a session row made behind the portal's back does not work for a disabled user.
    const again = { ...s, sessionId: await startSession(s.userId, "test") };
    again.cookie = `${COOKIE}=${await encode({ token: { sub: s.userId, sid: again.sessionId }, secret: env.AUTH_SECRET!, salt: COOKIE, maxAge: 3600 })}`;
    expect(await works(again)).toEqual({ search: false, pages: false });
    await setUserDisabled(ada, s.userId, false);
    expect(await works(again)).toEqual({ search: true, pages: true });
    expect(await auditOf(s.userId)).toEqual(expect.arrayContaining(["user.disabled", "user.enabled"]));
    await expect(setUserDisabled(ada, ada.id, true)).rejects.toThrow(/your own account/);
  });

  it("removing a user ends their sessions", async () => {
    const s = await signedIn();
    await db.user.delete({ where: { id: s.userId } });
    expect(await works(s)).toEqual({ search: false, pages: false });
  });

  it("a cookie from before server-side sessions (no session id) is refused", async () => {
    const s = await signedIn();
    const legacy = `${COOKIE}=${await encode({ token: { sub: s.userId }, secret: env.AUTH_SECRET!, salt: COOKIE, maxAge: 3600 })}`;
    expect(await searchWith(legacy)).toBeNull();
  });
});
