import "server-only";
import { requireViewer } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { exportOdcs, exportOdps } from "./export-source";

/**
 * GET /products/<slug>/contract.odcs.yaml and /products/<slug>/product.odps.yaml: the same viewer and
 * visibility as the product page (signed out → sign-in, a product the viewer cannot see → 404).
 */
export async function standardDownload(slug: string, kind: "odcs" | "odps"): Promise<Response> {
  const file = kind === "odcs" ? "contract.odcs.yaml" : "product.odps.yaml";
  const viewer = await requireViewer(`/products/${encodeURIComponent(slug)}/${file}`);
  try {
    const yaml = kind === "odcs" ? await exportOdcs(viewer, slug) : await exportOdps(viewer, slug);
    return new Response(yaml, {
      headers: {
        "Content-Type": "application/yaml; charset=utf-8",
        "Content-Disposition": `attachment; filename="${slug}.${kind}.yaml"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (e instanceof DomainError && e.code === "NOT_FOUND") return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw e;
  }
}
