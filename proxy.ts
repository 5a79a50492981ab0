import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { isWellFormedPath } from "@/lib/http/malformed-path";
import { contentSecurityPolicy, HSTS, newNonce, servedOverHttps } from "@/lib/security/headers";

/**
 * Every page gets a Content Security Policy with a nonce of its own. Next reads the nonce from the
 * request's policy header and puts it on the scripts it renders, so the header goes on the request
 * (for rendering) and on the response (for the browser). A nonce makes every page dynamic; they
 * all are anyway (they read the session). docs/decisions/0031.
 *
 * A path that does not percent-decode names nothing: it gets the not-found page with a 404, under
 * the same policy (Next itself answers 500 when it decodes such a dynamic segment; decision 0027).
 */
export function proxy(request: NextRequest) {
  const https = servedOverHttps(request.nextUrl, request.headers.get("x-forwarded-proto"));
  const csp = contentSecurityPolicy({
    nonce: newNonce(),
    dev: env.NODE_ENV === "development",
    https,
    formActionOrigins: env.AUTH_OIDC_ISSUER ? [new URL(env.AUTH_OIDC_ISSUER).origin] : [],
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = isWellFormedPath(request.nextUrl.pathname)
    ? NextResponse.next({ request: { headers: requestHeaders } })
    : NextResponse.rewrite(new URL("/not-found", request.url), { status: 404, request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  // Not for built assets (immutable files, no document to protect); the static headers of
  // next.config.ts cover them.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
