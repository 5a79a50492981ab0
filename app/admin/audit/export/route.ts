import type { NextRequest } from "next/server";
import { can } from "@/lib/auth";
import { getViewer } from "@/lib/auth/session";
import { recordFromParams } from "@/lib/catalog/search-params";
import { exportAuditEvents } from "@/lib/audit/export";
import { auditExportFormat, auditFilterSchema } from "@/lib/audit/schemas";

export const dynamic = "force-dynamic";

const CONTENT_TYPES = { csv: "text/csv; charset=utf-8", jsonl: "application/jsonl; charset=utf-8" } as const;

/**
 * GET /admin/audit/export?format=csv|jsonl&<the log's filters> — the filtered audit log, newest
 * first, streamed in batches so a million events never sit in memory. Platform admins only.
 */
export async function GET(request: NextRequest) {
  const viewer = await getViewer();
  if (!viewer) return Response.json({ error: "Sign in to export the audit log." }, { status: 401 });
  if (!can(viewer, { permission: "read:audit-log" })) return Response.json({ error: "Not found." }, { status: 404 });
  const raw = recordFromParams(request.nextUrl.searchParams);
  const filter = auditFilterSchema.parse(raw);
  const format = auditExportFormat.parse(raw.format);
  const chunks = exportAuditEvents(viewer, filter, format);
  const encoder = new TextEncoder();
  // Pull-based: the next batch is read only when the client has taken the previous one.
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="meshport-audit-${stamp}.${format}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
