import type { NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/session";
import { searchCatalog } from "@/lib/catalog";
import { recordFromParams, searchParamsSchema } from "@/lib/catalog/search-params";

export const dynamic = "force-dynamic";

/** GET /api/search?q=…&domain=…&tag=…&sort=…&page=… — the catalog search as JSON, for the signed-in viewer. */
export async function GET(request: NextRequest) {
  const viewer = await getViewer();
  if (!viewer) return Response.json({ error: "Sign in to search the catalog." }, { status: 401 });
  const parsed = searchParamsSchema.safeParse(recordFromParams(request.nextUrl.searchParams));
  if (!parsed.success) {
    return Response.json(
      { error: "Invalid search parameters.", issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
      { status: 422 },
    );
  }
  const result = await searchCatalog(viewer, parsed.data);
  return Response.json(result, { headers: { "Cache-Control": "private, no-store" } });
}
