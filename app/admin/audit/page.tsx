import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth";
import { requireViewer } from "@/lib/auth/session";
import { listAuditEvents } from "@/lib/audit/queries";
import { auditSearchSchema } from "@/lib/audit/schemas";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { AuditChange } from "@/components/audit/audit-change";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer("/admin/audit");
  if (!can(viewer, { permission: "read:audit-log" })) notFound();
  const search = auditSearchSchema.parse(await searchParams);
  const { total, events, page, pages } = await listAuditEvents(viewer, search);
  const pageHref = (n: number) => `/admin/audit?${new URLSearchParams({ ...(search.target ? { target: search.target } : {}), page: String(n) }).toString()}`;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="mt-1 text-sm text-slate-600">Every change made through Meshport, newest first. {total} events.</p>
      </div>
      <Card>
        <CardBody className="overflow-x-auto p-0">
          {events.length === 0 ? (
            <div className="p-5">
              <EmptyState title="No events yet" />
            </div>
          ) : (
            <Table columns={["When (UTC)", "Who", "What", "Target", "Change"]} variant="boxed">
                {events.map((e) => (
                  <tr key={e.id}>
                    <td className="whitespace-nowrap font-mono text-xs">{e.at.toISOString().replace("T", " ").slice(0, 19)}</td>
                    <td>{e.actorLabel}</td>
                    <td className="font-medium">{e.action}</td>
                    <td className="text-xs">
                      <Link href={`/admin/audit?${new URLSearchParams({ target: e.targetId }).toString()}`} className="text-indigo-700 hover:underline">
                        {e.targetType} {e.targetId.slice(-8)}
                      </Link>
                    </td>
                    <td className="max-w-xl">
                      <AuditChange before={e.before} after={e.after} />
                    </td>
                  </tr>
                ))}
              </Table>
          )}
        </CardBody>
      </Card>
      {pages > 1 ? (
        <nav aria-label="Pagination" className="flex justify-between text-sm">
          {page > 1 ? <Link className="text-indigo-700 hover:underline" href={pageHref(page - 1)}>← Newer</Link> : <span />}
          <span>Page {page} of {pages}</span>
          {page < pages ? <Link className="text-indigo-700 hover:underline" href={pageHref(page + 1)}>Older →</Link> : <span />}
        </nav>
      ) : null}
    </div>
  );
}
