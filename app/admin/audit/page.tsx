import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth";
import { requireViewer } from "@/lib/auth/session";
import { auditFilterOptions, listAuditEvents } from "@/lib/audit/queries";
import { auditSearchSchema, filterParams, ignoredFilters } from "@/lib/audit/schemas";
import { targetKey, targetLinks } from "@/lib/audit/targets";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { AuditChange } from "@/components/audit/audit-change";
import { AuditFilters } from "@/components/audit/audit-filters";
import { outageAware } from "@/components/layout/outage-aware";

export const metadata: Metadata = { title: "Audit log" };

async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer("/admin/audit");
  if (!can(viewer, { permission: "read:audit-log" })) notFound();
  const raw = await searchParams;
  const search = auditSearchSchema.parse(raw);
  const [{ total, events, page, pages }, options] = await Promise.all([listAuditEvents(viewer, search), auditFilterOptions(viewer)]);
  const links = await targetLinks(events);
  const ignored = ignoredFilters(raw, search);
  const params = filterParams(search);
  const pageHref = (n: number) => `/admin/audit?${new URLSearchParams([...params, ["page", String(n)]]).toString()}`;
  const exportHref = (format: "csv" | "jsonl") => `/admin/audit/export?${new URLSearchParams([...params, ["format", format]]).toString()}`;
  const filtered = params.size > 0;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
          <p className="mt-1 text-sm text-slate-600">
            Every change made through Meshport, newest first. {total.toLocaleString("en")} {filtered ? "matching " : ""}events.
          </p>
        </div>
        <div className="flex gap-3 text-sm" aria-label="Export">
          <a className="rounded-md px-3 py-2 font-medium text-indigo-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50" href={exportHref("csv")} download>
            Export CSV
          </a>
          <a className="rounded-md px-3 py-2 font-medium text-indigo-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50" href={exportHref("jsonl")} download>
            Export JSON Lines
          </a>
        </div>
      </div>
      <Card>
        <CardBody>
          <AuditFilters filter={search} options={options} />
          {ignored.length > 0 ? (
            <p role="status" className="mt-3 text-sm text-amber-800">
              Not applied, not a valid value: {ignored.join(", ")}.
            </p>
          ) : null}
        </CardBody>
      </Card>
      <Card>
        <CardBody className="overflow-x-auto p-0">
          {events.length === 0 ? (
            <div className="p-5">
              <EmptyState title={filtered ? "No events match these filters" : "No events yet"} />
            </div>
          ) : (
            <Table columns={["When (UTC)", "Who", "What", "Target", "Change"]} variant="boxed">
              {events.map((e) => {
                const link = links.get(targetKey(e.targetType, e.targetId));
                return (
                  <tr key={e.id}>
                    <td className="whitespace-nowrap font-mono text-xs">{e.at.toISOString().replace("T", " ").slice(0, 19)}</td>
                    <td>{e.actorLabel}</td>
                    <td className="font-medium">{e.action}</td>
                    <td className="text-xs">
                      <div className="text-slate-500">{e.targetType}</div>
                      <div>
                        {link ? (
                          <Link href={link.href} className="text-indigo-700 underline">
                            {link.label}
                          </Link>
                        ) : (
                          <span className="font-mono">{e.targetId.slice(-8)}</span>
                        )}
                      </div>
                      <div>
                        <Link href={`/admin/audit?${new URLSearchParams({ target: e.targetId }).toString()}`} className="text-slate-600 underline">
                          its history
                        </Link>
                      </div>
                    </td>
                    <td className="max-w-xl">
                      <AuditChange before={e.before} after={e.after} />
                    </td>
                  </tr>
                );
              })}
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
export default outageAware(AuditPage);
