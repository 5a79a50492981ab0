import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth";
import { requireViewer } from "@/lib/auth/session";
import { getPortVersions } from "@/lib/contracts";
import { formatLabel } from "@/lib/contracts/model";
import { DomainError } from "@/lib/errors";
import { Badge } from "@/components/ui/badge";
import { PortPageHeader } from "@/components/contracts/port-page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { outageAware } from "@/components/layout/outage-aware";

export const metadata: Metadata = { title: "Schema versions" };

type Params = { params: Promise<{ slug: string; portId: string }>; searchParams: Promise<{ from?: string; to?: string }> };

const num = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

async function VersionsPage({ params, searchParams }: Params) {
  const { slug, portId } = await params;
  const { from, to } = await searchParams;
  const viewer = await requireViewer(`/products/${encodeURIComponent(slug)}/ports/${encodeURIComponent(portId)}/versions`);
  let data;
  try {
    data = await getPortVersions(viewer, slug, portId, num(from), num(to));
  } catch (e) {
    if (e instanceof DomainError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
  const { product, port, versions, diff } = data;
  const owner = can(viewer, { permission: "manage:contract", product });
  return (
    <div className="space-y-6">
      <PortPageHeader product={product} port={port} title="Schema versions of">
        Subject <span className="font-mono">{port.topic}-value</span> <Badge tone="indigo">{port.compatibility}</Badge>
        {owner ? (
          <Link href={`/products/${product.slug}/ports/${port.id}/publish`} className="text-indigo-700 hover:underline">
            Publish a new version
          </Link>
        ) : null}
      </PortPageHeader>

      {versions.length === 0 ? (
        <EmptyState title="No schema yet">The owners have not published a schema for this port.</EmptyState>
      ) : (
        <>
          <Card>
            <CardHeader title="Compare two versions" />
            <CardBody className="space-y-3">
              <form className="flex flex-wrap items-end gap-3 text-sm" action="">
                <label className="flex flex-col gap-1">
                  <span className="font-medium">From</span>
                  <select name="from" defaultValue={diff?.from} className="rounded-md border border-slate-300 px-2 py-1">
                    {versions.map((v) => (
                      <option key={v.version} value={v.version}>
                        version {v.version}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="flex flex-col gap-1">
                  <span className="font-medium">To</span>
                  <select name="to" defaultValue={diff?.to} className="rounded-md border border-slate-300 px-2 py-1">
                    {versions.map((v) => (
                      <option key={v.version} value={v.version}>
                        version {v.version}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="submit" className="rounded-md bg-surface px-3 py-1.5 font-medium ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
                  Compare
                </button>
              </form>
              {diff ? (
                <section aria-label={`Changes from version ${diff.from} to ${diff.to}`}>
                  <h3 className="text-sm font-semibold">
                    From version {diff.from} to {diff.to}
                  </h3>
                  {diff.changes.length === 0 ? (
                    <p className="text-sm text-slate-500">No field changes.</p>
                  ) : (
                    <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
                      {diff.changes.map((c, i) => (
                        <li key={i}>{c}</li>
                      ))}
                    </ul>
                  )}
                </section>
              ) : (
                <p className="text-sm text-slate-500">Only one version so far.</p>
              )}
            </CardBody>
          </Card>
          {versions.map((v) => (
            <Card key={v.version}>
              <CardHeader
                title={`Version ${v.version}`}
                description={`${formatLabel[v.format]} · ${v.createdAt.toISOString().slice(0, 10)}${v.registryId !== null ? ` · registry id ${v.registryId}` : " · not yet in the registry"}`}
              />
              <CardBody>
                <pre tabIndex={0} className="max-h-96 overflow-auto rounded-md bg-slate-50 p-3 text-xs" aria-label={`Schema version ${v.version}`}>
                  {v.text}
                </pre>
              </CardBody>
            </Card>
          ))}
        </>
      )}
    </div>
  );
}
export default outageAware(VersionsPage);
