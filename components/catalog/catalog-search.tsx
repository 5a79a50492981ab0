"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useDebouncedCallback } from "use-debounce";
import type { CatalogHit, CatalogResult, FacetValue } from "@/lib/catalog/search";
import {
  catalogQueryString,
  effectiveSort,
  parseCatalogSearch,
  readCatalogSearch,
  SORTS,
  type CatalogSearch as View,
  type FacetKey,
  type Sort,
} from "@/lib/catalog/search-params";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Input, Select } from "@/components/ui/field";
import { cn } from "@/lib/utils";
import { CatalogHeading } from "./catalog-heading";
import { classificationTone, lifecycleTone, title } from "./labels";
import { SearchError, useCatalogSearch } from "./use-catalog-search";

const SORT_LABELS: Record<Sort, string> = {
  relevance: "Relevance",
  name: "Name",
  updated: "Recently updated",
  consumers: "Most consumers",
};

const FACET_TITLES: Record<Exclude<FacetKey, "access">, string> = {
  domain: "Domain",
  team: "Owner team",
  tag: "Tags",
  classification: "Classification",
  lifecycle: "Lifecycle",
};

/** How the page names a URL parameter it could not use. */
const PARAM_LABELS: Record<string, string> = { q: "Search text", ...FACET_TITLES, access: "Access", sort: "Sort", page: "Page" };

const fmt = new Intl.NumberFormat("en");
// Estimates (more than a thousand matches, counted over a sample) are shown to two significant digits.
const fmtAbout = new Intl.NumberFormat("en", { maximumSignificantDigits: 2 });
const fmtAboutShort = new Intl.NumberFormat("en", { notation: "compact", maximumSignificantDigits: 2 });
const SAMPLE_NOTE = "Estimated: more than a thousand products match, so this is counted over a random sample of them.";

/**
 * The catalog: search box, facets, sort and pages, all held in the URL. Changing the view writes
 * the URL with the History API (Next keeps useSearchParams in step), which leaves the server
 * component alone; React Query then fetches /api/search for that URL.
 */
export function CatalogSearch({ initial, initialKey }: { initial: CatalogResult; initialKey: string }) {
  const params = useSearchParams();
  // The URL is the source of truth; this copy updates in the same event as a click (so a checkbox
  // ticks at once) and follows the URL when it changes by itself (Back, Forward).
  const fromUrl = params.toString();
  const [current, setCurrent] = useState(fromUrl);
  const [lastUrl, setLastUrl] = useState(fromUrl);
  if (fromUrl !== lastUrl) {
    setLastUrl(fromUrl);
    setCurrent(fromUrl);
  }
  const { search: view, ignored } = useMemo(() => readCatalogSearch(new URLSearchParams(current)), [current]);
  const key = catalogQueryString(view);
  const { data, isFetching, isError, error, refetch, isPlaceholderData } = useCatalogSearch(key, { key: initialKey, data: initial });
  const result = data ?? initial;

  const navigate = useCallback((next: Partial<View>, mode: "push" | "replace" = "push") => {
    const merged = { ...parseCatalogSearch(new URLSearchParams(window.location.search)), page: 1, ...next };
    const qs = catalogQueryString(merged);
    setCurrent(qs);
    const url = `${window.location.pathname}${qs ? `?${qs}` : ""}`;
    if (mode === "replace") window.history.replaceState(null, "", url);
    else window.history.pushState(null, "", url);
  }, []);

  // The box follows the URL (Back, a shared link) unless the user is typing.
  const [text, setText] = useState(view.q);
  // On a phone the filters fold away behind a button, so the results come first (wide screens: a sidebar).
  const [filtersShown, setFiltersShown] = useState(false);
  const typing = useRef(false);
  useEffect(() => {
    if (!typing.current) setText(view.q);
  }, [view.q]);
  const commitQuery = useDebouncedCallback((q: string) => {
    typing.current = false;
    // Typing refines one view: replace, so Back leaves the catalog instead of stepping through keystrokes.
    navigate({ q: q.trim(), sort: view.sort === "relevance" && !q.trim() ? undefined : view.sort }, "replace");
  }, 250);

  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "/" || e.metaKey || e.ctrlKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const toggle = (facet: FacetKey, value: string) => {
    if (facet === "access") return navigate({ access: view.access ? undefined : "mine" });
    const current: string[] = view[facet];
    navigate({ [facet]: current.includes(value) ? current.filter((v) => v !== value) : [...current, value] });
  };
  const activeFilters = [
    ...(["domain", "team", "tag", "classification", "lifecycle"] as const).flatMap((f) =>
      view[f].map((v) => ({ facet: f as FacetKey, value: v, label: result.facets?.[f].find((x) => x.value === v)?.label ?? v })),
    ),
    ...(view.access ? [{ facet: "access" as FacetKey, value: "mine", label: "I have access" }] : []),
  ];
  const clearAll = () => {
    typing.current = false;
    setText("");
    navigate({ q: "", domain: [], team: [], tag: [], classification: [], lifecycle: [], access: undefined, sort: undefined });
  };
  const sort = effectiveSort(view);
  const busy = isFetching && (isPlaceholderData || text.trim() !== view.q);

  return (
    <div className="space-y-6">
      <CatalogHeading />

      <div className="grid gap-4 lg:grid-cols-[15rem_1fr] lg:gap-8">
        <Button variant="secondary" className="justify-self-start lg:hidden" aria-expanded={filtersShown} aria-controls="catalog-filters" onClick={() => setFiltersShown((s) => !s)}>
          Filters
        </Button>
        <aside id="catalog-filters" aria-label="Filters" className={cn("space-y-6 lg:sticky lg:top-6 lg:block lg:self-start", !filtersShown && "hidden")}>
          <FacetGroup
            title="Access"
            values={(result.facets?.access ?? []).map((v) => ({ ...v, selected: Boolean(view.access) }))}
            onToggle={(v) => toggle("access", v)}
          />
          {(Object.keys(FACET_TITLES) as (keyof typeof FACET_TITLES)[]).map((f) => (
            <FacetGroup
              key={f}
              title={FACET_TITLES[f]}
              // Ticks follow the URL at once; counts follow when the new answer arrives.
              values={(result.facets?.[f] ?? []).map((v) => ({ ...v, selected: (view[f] as string[]).includes(v.value) }))}
              onToggle={(v) => toggle(f, v)}
              format={f === "classification" || f === "lifecycle" ? title : undefined}
            />
          ))}
        </aside>

        <section aria-label="Search results" className="min-w-0 space-y-4">
          <form role="search" className="flex flex-wrap gap-3" onSubmit={(e) => { e.preventDefault(); commitQuery.flush(); }}>
            <div className="relative min-w-64 flex-1">
              <label htmlFor="catalog-q" className="sr-only">
                Search data products
              </label>
              <Input
                ref={input}
                id="catalog-q"
                type="search"
                autoComplete="off"
                value={text}
                onChange={(e) => {
                  typing.current = true;
                  setText(e.target.value);
                  commitQuery(e.target.value);
                }}
                placeholder="Search by name, tag, team, field…"
                className="pr-16"
                aria-describedby="catalog-q-hint"
              />
              <span id="catalog-q-hint" className="pointer-events-none absolute inset-y-0 right-2 flex items-center gap-1 text-xs text-slate-400">
                <kbd className="rounded border border-slate-300 px-1.5 font-sans">/</kbd>
                <span className="sr-only">focuses the search; Control or Command K opens quick jump</span>
              </span>
            </div>
            <div className="flex items-center gap-2">
              <label htmlFor="catalog-sort" className="text-sm text-slate-600">
                Sort
              </label>
              <Select id="catalog-sort" value={sort} onChange={(e) => navigate({ sort: e.target.value as Sort })} className="w-44">
                {SORTS.map((s) => (
                  <option key={s} value={s} disabled={s === "relevance" && !view.q}>
                    {SORT_LABELS[s]}
                  </option>
                ))}
              </Select>
            </div>
          </form>

          <div className="flex min-h-7 flex-wrap items-center gap-2 text-sm">
            <p className="text-slate-700" aria-live="polite" data-testid="result-count">
              {result.totalIsEstimate ? (
                <span title={SAMPLE_NOTE}>
                  About <span className="font-semibold">{fmtAbout.format(result.total)}</span> data products
                </span>
              ) : (
                <>
                  <span className="font-semibold">{fmt.format(result.total)}</span> data product{result.total === 1 ? "" : "s"}
                </>
              )}
              {/* The words of the answer shown, not of the box: while typing, the last answer stays up. */}
              {result.query ? (
                <>
                  {" "}
                  matching <span className="font-medium">“{result.query}”</span>
                </>
              ) : null}
            </p>
            {activeFilters.map((f) => (
              <button
                key={`${f.facet}:${f.value}`}
                type="button"
                onClick={() => toggle(f.facet, f.value)}
                className="inline-flex items-center gap-1 rounded-full bg-indigo-50 px-2.5 py-0.5 text-xs font-medium text-indigo-800 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-100"
                aria-label={`Remove filter ${f.label}`}
              >
                {f.facet === "classification" || f.facet === "lifecycle" ? title(f.label) : f.label}
                <span aria-hidden="true">×</span>
              </button>
            ))}
            {activeFilters.length > 0 || view.q ? (
              <button type="button" onClick={clearAll} className="text-xs font-medium text-slate-600 underline-offset-2 hover:underline">
                Clear all
              </button>
            ) : null}
            <span className={cn("ml-auto text-xs text-slate-500 transition-opacity", busy ? "opacity-100" : "opacity-0")} aria-hidden={!busy}>
              Searching…
            </span>
            <CopyButton text={() => window.location.href} label="Copy a link to this view">
              Copy link
            </CopyButton>
          </div>

          {ignored.length > 0 ? (
            <Alert tone="warning" title="Part of this link was not used">
              <ul>
                {ignored.map((i) => (
                  <li key={i.param}>
                    {PARAM_LABELS[i.param] ?? i.param}: {i.message}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}

          {isError ? (
            <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-4 text-sm text-rose-900">
              <p className="font-semibold">{error instanceof SearchError && error.status < 500 ? "The search could not run" : "The search did not answer"}</p>
              <p className="mt-1">{error.message} The results below may be out of date.</p>
              <Button className="mt-3" size="sm" variant="secondary" onClick={() => void refetch()}>
                Try again
              </Button>
            </div>
          ) : null}

          {result.items.length === 0 ? (
            <div className="rounded-lg border border-dashed border-slate-300 px-6 py-12 text-center">
              <p className="text-sm font-semibold text-slate-900">No data products match{result.query ? ` “${result.query}”` : " these filters"}</p>
              <p className="mx-auto mt-1 max-w-md text-sm text-slate-500">
                Check the spelling, use fewer words or remove a filter. If the data does not exist yet, publish it as a new data product.
              </p>
              <div className="mt-4 flex justify-center gap-3">
                {activeFilters.length > 0 || view.q ? (
                  <Button variant="secondary" onClick={clearAll}>
                    Clear search and filters
                  </Button>
                ) : null}
                <Link href="/products/new" className="inline-flex items-center text-sm font-medium text-indigo-700 hover:underline">
                  Create a data product
                </Link>
              </div>
            </div>
          ) : (
            <ol className={cn("space-y-3 transition-opacity", busy && "opacity-60")} aria-label="Data products" aria-busy={busy}>
              {result.items.map((p) => (
                <ResultCard key={p.id} hit={p} query={result.query} />
              ))}
            </ol>
          )}

          {result.rankedCount !== null && view.page >= result.pages ? (
            <p className="text-sm text-slate-600" data-testid="ranked-note">
              Relevance ranks a sample of {fmt.format(result.rankedCount)} of the matches.{" "}
              <button type="button" onClick={() => navigate({ sort: "name" })} className="font-medium text-indigo-700 underline-offset-2 hover:underline">
                Sort by name
              </button>{" "}
              to page through all of them.
            </p>
          ) : null}

          {result.pages > 1 ? (
            <nav aria-label="Pagination" className="flex items-center justify-between border-t border-slate-200 pt-4 text-sm">
              <PageLink disabled={view.page <= 1} onClick={() => navigate({ ...view, page: view.page - 1 })}>
                ← Previous
              </PageLink>
              <span className="text-slate-600">
                {/* Pages of a ranked sample are counted exactly; those of an estimated total are not. */}
                Page {view.page} of {result.totalIsEstimate && result.rankedCount === null ? "about " : ""}
                {(result.totalIsEstimate && result.rankedCount === null ? fmtAbout : fmt).format(result.pages)}
              </span>
              <PageLink disabled={view.page >= result.pages} onClick={() => navigate({ ...view, page: view.page + 1 })}>
                Next →
              </PageLink>
            </nav>
          ) : null}
        </section>
      </div>
    </div>
  );
}

function PageLink({ disabled, onClick, children }: { disabled: boolean; onClick: () => void; children: React.ReactNode }) {
  return (
    <button
      type="button"
      disabled={disabled}
      onClick={() => {
        onClick();
        window.scrollTo({ top: 0 });
      }}
      className="rounded-md px-3 py-1.5 font-medium text-indigo-700 hover:bg-indigo-50 disabled:invisible"
    >
      {children}
    </button>
  );
}

function FacetGroup({ title: heading, values, onToggle, format }: { title: string; values: FacetValue[]; onToggle: (v: string) => void; format?: (s: string) => string }) {
  const [expanded, setExpanded] = useState(false);
  if (values.length === 0) return null;
  const shown = expanded ? values : values.slice(0, 8);
  return (
    <fieldset>
      <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">{heading}</legend>
      <ul className="mt-2 space-y-1">
        {shown.map((v) => {
          const id = `facet-${heading}-${v.value}`.replace(/\s+/g, "-").toLowerCase();
          return (
            <li key={v.value}>
              <label htmlFor={id} className="flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-100">
                <input
                  id={id}
                  type="checkbox"
                  checked={v.selected}
                  onChange={() => onToggle(v.value)}
                  className="h-4 w-4 rounded border-slate-300 accent-indigo-600"
                />
                <span className={cn("flex-1 truncate", v.selected ? "font-medium text-slate-900" : "text-slate-700")}>{format ? format(v.label) : v.label}</span>
                {v.estimate ? (
                  <span className="text-xs tabular-nums text-slate-500" title={SAMPLE_NOTE}>
                    <span aria-hidden="true">~</span>
                    <span className="sr-only">about </span>
                    {fmtAboutShort.format(v.count)}
                  </span>
                ) : (
                  <span className="text-xs tabular-nums text-slate-500">{fmt.format(v.count)}</span>
                )}
              </label>
            </li>
          );
        })}
      </ul>
      {values.length > 8 ? (
        <button type="button" onClick={() => setExpanded(!expanded)} className="mt-1 px-1 text-xs font-medium text-indigo-700 hover:underline">
          {expanded ? "Show fewer" : `Show ${values.length - 8} more`}
        </button>
      ) : null}
    </fieldset>
  );
}

/** The name with the query's words marked. */
function Highlight({ text, query }: { text: string; query: string }) {
  const words = query
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1);
  if (words.length === 0) return <>{text}</>;
  const re = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`, "giu");
  return (
    <>
      {text.split(re).map((part, i) =>
        i % 2 === 1 ? (
          <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-inherit">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  );
}

function ResultCard({ hit: p, query }: { hit: CatalogHit; query: string }) {
  return (
    <li className="group relative rounded-lg bg-surface p-5 shadow-sm ring-1 ring-slate-200 transition hover:ring-indigo-300">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="font-semibold text-slate-900">
            <Link href={`/products/${p.slug}`} className="after:absolute after:inset-0 group-hover:text-indigo-700">
              <Highlight text={p.name} query={query} />
            </Link>
          </h2>
          <p className="mt-0.5 text-xs text-slate-500">
            {p.domain.name} · {p.team.name}
          </p>
        </div>
        <div className="flex shrink-0 flex-wrap justify-end gap-1.5">
          {p.hasAccess ? <Badge tone="green">You have access</Badge> : null}
          {p.lifecycle !== "ACTIVE" ? <Badge tone={lifecycleTone[p.lifecycle]}>{title(p.lifecycle)}</Badge> : null}
          {p.lifecycle === "DEPRECATED" && p.sunsetAt ? <Badge tone="amber">Sunset {p.sunsetAt.slice(0, 10)}</Badge> : null}
          <Badge tone={classificationTone[p.classification]}>{title(p.classification)}</Badge>
          {p.containsPii ? <Badge tone="rose">Personal data</Badge> : null}
        </div>
      </div>
      {p.excerpt ? <p className="mt-2 line-clamp-2 text-sm text-slate-700">{p.excerpt}</p> : null}
      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-slate-500">
        {p.tags.length > 0 ? (
          <ul className="flex flex-wrap gap-1.5" aria-label="Tags">
            {p.tags.map((t) => (
              <li key={t}>
                <Badge tone="indigo">{t}</Badge>
              </li>
            ))}
          </ul>
        ) : null}
        <span>
          {p.consumerCount} consumer{p.consumerCount === 1 ? "" : "s"}
        </span>
        <span>updated {new Date(p.updatedAt).toISOString().slice(0, 10)}</span>
      </div>
    </li>
  );
}
