import type { NextRequest } from "next/server";
import { sessionFrom } from "@/lib/auth/session";
import { isDatabaseUnavailable } from "@/lib/db";
import { searchCatalogForUser } from "@/lib/catalog";
import { recordFromParams, searchParamsSchema } from "@/lib/catalog/search-params";

export const dynamic = "force-dynamic";

const signInFirst = () => Response.json({ error: "Sign in to search the catalog." }, { status: 401 });

/**
 * GET /api/search?q=…&domain=…&tag=…&sort=…&page=… — the catalog search as JSON, for the signed-in
 * viewer. Called on every pause in typing, so it reads the viewer's teams while the search's
 * first step runs rather than loading the full viewer first (docs/decisions/0015).
 */
export async function GET(request: NextRequest) {
  const t0 = performance.now();
  const session = await sessionFrom(request);
  const t1 = performance.now();
  if (!session) return signInFirst();
  const parsed = searchParamsSchema.safeParse(recordFromParams(request.nextUrl.searchParams));
  if (!parsed.success) {
    return Response.json(
      { error: "Invalid search parameters.", issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
      { status: 422 },
    );
  }
  // Null unless the cookie's session is live and its user enabled (signed out, disabled, removed).
  const result = await searchCatalogForUser(session, parsed.data).catch((e: unknown) => {
    if (isDatabaseUnavailable(e)) return "unavailable" as const;
    throw e;
  });
  if (result === "unavailable") return Response.json({ error: "The catalog's database did not answer. Try again in a moment." }, { status: 503 });
  if (!result) return signInFirst();
  // Browser dev tools and the benchmark read where the time went (no values, only durations).
  const timing = `session;dur=${(t1 - t0).toFixed(1)}, search;dur=${(performance.now() - t1).toFixed(1)}`;
  return Response.json(result, { headers: { "Cache-Control": "private, no-store", "Server-Timing": timing } });
}
