import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { listCatalog } from "@/lib/catalog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/field";
import { classificationTone, lifecycleTone, title } from "@/components/catalog/labels";

export const metadata: Metadata = { title: "Catalog" };

type Search = { q?: string; domain?: string; page?: string };

export default async function CatalogPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const page = Number.parseInt(params.page ?? "1", 10) || 1;
  const result = await listCatalog(viewer, { q: params.q, domain: params.domain, page });
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const link = (p: number) => {
    const sp = new URLSearchParams();
    if (params.q) sp.set("q", params.q);
    if (params.domain) sp.set("domain", params.domain);
    if (p > 1) sp.set("page", String(p));
    return `/catalog?${sp.toString()}`;
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Data products</h1>
          <p className="mt-1 text-sm text-slate-600">Every data product published on the mesh, owned by its domain team.</p>
        </div>
        <Link href="/products/new">
          <Button>New data product</Button>
        </Link>
      </div>

      <form role="search" className="flex flex-wrap gap-3" action="/catalog">
        <label htmlFor="catalog-q" className="sr-only">
          Search data products
        </label>
        <Input id="catalog-q" name="q" defaultValue={params.q ?? ""} placeholder="Search by name, description, tag, domain or team" className="min-w-64 flex-1" />
        <label htmlFor="catalog-domain" className="sr-only">
          Domain
        </label>
        <Select id="catalog-domain" name="domain" defaultValue={params.domain ?? ""} className="w-48">
          <option value="">All domains</option>
          {result.domains.map((d) => (
            <option key={d.slug} value={d.slug}>
              {d.name}
            </option>
          ))}
        </Select>
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>

      <p className="text-sm text-slate-600" aria-live="polite">
        {result.total} data product{result.total === 1 ? "" : "s"}
        {params.q ? ` matching “${params.q}”` : ""}
      </p>

      {result.products.length === 0 ? (
        <EmptyState
          title="No data products match"
          action={
            <Link href="/catalog" className="text-sm font-medium text-indigo-700 hover:underline">
              Clear the search
            </Link>
          }
        >
          Try fewer words, another domain, or publish the data yourself.
        </EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2" aria-label="Data products">
          {result.products.map((p) => (
            <li key={p.id} className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 hover:ring-indigo-300">
              <div className="flex items-start justify-between gap-3">
                <h2 className="font-semibold text-slate-900">
                  <Link href={`/products/${p.slug}`} className="hover:text-indigo-700 hover:underline">
                    {p.name}
                  </Link>
                </h2>
                <div className="flex shrink-0 gap-1.5">
                  {p.lifecycle !== "ACTIVE" ? <Badge tone={lifecycleTone[p.lifecycle]}>{title(p.lifecycle)}</Badge> : null}
                  <Badge tone={classificationTone[p.classification]}>{title(p.classification)}</Badge>
                </div>
              </div>
              <p className="mt-1 text-xs text-slate-500">
                {p.domain.name} · owned by {p.ownerTeam.name} · {p._count.grants} consumer{p._count.grants === 1 ? "" : "s"}
              </p>
              <p className="mt-2 line-clamp-2 text-sm text-slate-700">{p.description.replace(/[#*_`>]/g, "")}</p>
              {p.tags.length > 0 ? (
                <div className="mt-3 flex flex-wrap gap-1.5">
                  {p.tags.map((t) => (
                    <Badge key={t} tone="indigo">
                      {t}
                    </Badge>
                  ))}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      {pages > 1 ? (
        <nav aria-label="Pagination" className="flex items-center justify-between text-sm">
          {page > 1 ? <Link href={link(page - 1)} className="font-medium text-indigo-700 hover:underline">← Previous</Link> : <span />}
          <span className="text-slate-600">
            Page {page} of {pages}
          </span>
          {page < pages ? <Link href={link(page + 1)} className="font-medium text-indigo-700 hover:underline">Next →</Link> : <span />}
        </nav>
      ) : null}
    </div>
  );
}
