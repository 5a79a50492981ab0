"use client";

import Link from "next/link";
import { createColumnHelper, createSortedRowModel, flexRender, rowSortingFeature, sortFns, tableFeatures, useTable, type SortingState } from "@tanstack/react-table";
import { useState } from "react";
import type { ProductHealthRow } from "@/lib/dashboards/types";
import { Badge } from "@/components/ui/badge";
import { compareNames } from "./compare-names";
import { formatAge, formatCount, formatRate } from "./format";
import { Sparkline } from "./sparkline";

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel(), sortFns });
const col = createColumnHelper<typeof features, ProductHealthRow>();

const freshnessRank = { missed: 0, unknown: 1, met: 2, "no-objective": 3 } as const;

function FreshnessCell({ row }: { row: ProductHealthRow }) {
  const f = row.freshness;
  const age = f.ageSeconds !== null ? `last message ${formatAge(f.ageSeconds)} ago` : f.sinceSeen ? "no message seen yet" : "not in the index yet";
  if (f.status === "no-objective") return <span className="text-xs text-slate-500">No objective · {age}</span>;
  const badge =
    f.status === "met" ? <Badge tone="green">Objective met</Badge> : f.status === "missed" ? <Badge tone="rose">Objective missed</Badge> : <Badge>Not known yet</Badge>;
  return (
    <div className="space-y-0.5">
      {badge}
      <p className="text-xs text-slate-500">
        within {f.slaMinutes} min · {age}
      </p>
    </div>
  );
}

const columns = col.columns([
  col.accessor("name", {
    header: "Product",
    sortFn: (a, b) => compareNames(a.original.name, b.original.name),
    cell: (c) => (
      <div>
        <Link href={`/products/${c.row.original.slug}/health`} className="font-medium text-indigo-700 hover:underline">
          {c.getValue()}
        </Link>
        <p className="text-xs text-slate-500">{c.row.original.team}</p>
      </div>
    ),
  }),
  col.accessor((r) => freshnessRank[r.freshness.status], { id: "freshness", header: "Freshness", cell: (c) => <FreshnessCell row={c.row.original} /> }),
  col.accessor("produceRate", {
    header: "Throughput (24 h)",
    cell: (c) => (
      <div className="flex items-center gap-2">
        <Sparkline points={c.row.original.sparkline} label={`${c.row.original.name} messages per second over 24 hours`} />
        <span className="whitespace-nowrap text-xs text-slate-600">{formatRate(c.getValue())}</span>
      </div>
    ),
  }),
  col.accessor("consumers", { header: "Consumers", cell: (c) => formatCount(c.getValue()) }),
  col.accessor((r) => r.worst?.timeLagSeconds ?? -1, {
    id: "lag",
    header: "Worst consumer lag",
    cell: (c) => {
      const w = c.row.original.worst;
      if (!w) return <span className="text-xs text-slate-500">no consumers</span>;
      return (
        <div className={w.lag > 0 ? "text-amber-800" : "text-slate-700"}>
          <p className="whitespace-nowrap">
            {formatCount(w.lag)} msg · {formatAge(w.timeLagSeconds)}
          </p>
          <p className="font-mono text-xs text-slate-500">{w.group}</p>
        </div>
      );
    },
  }),
  col.accessor((r) => r.problems.length, {
    id: "problems",
    header: "Problems",
    cell: (c) =>
      c.row.original.problems.length === 0 ? (
        <span className="text-xs text-slate-500">none</span>
      ) : (
        <ul className="space-y-0.5 text-xs text-rose-700">
          {c.row.original.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ),
  }),
  col.accessor("openRequests", {
    header: "Open requests",
    cell: (c) => (c.getValue() > 0 ? <Link href="/access" className="font-medium text-indigo-700 hover:underline">{c.getValue()}</Link> : <span className="text-slate-500">0</span>),
  }),
]);

export function ProductsTable({ rows }: { rows: ProductHealthRow[] }) {
  const [sorting, setSorting] = useState<SortingState>([{ id: "freshness", desc: false }]);
  const table = useTable({ features, columns, data: rows, state: { sorting }, onSortingChange: setSorting });
  return (
    <table className="min-w-full text-left text-sm [&_td]:px-4 [&_td]:py-2 [&_th]:px-4 [&_th]:py-2" aria-label="Your products' health">
      <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
        {table.getHeaderGroups().map((hg) => (
          <tr key={hg.id}>
            {hg.headers.map((h) => {
              const sorted = h.column.getIsSorted();
              return (
                <th key={h.id} scope="col" className="font-medium" aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}>
                  <button type="button" onClick={h.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 uppercase hover:text-slate-900">
                    {flexRender(h.column.columnDef.header, h.getContext())}
                    <span aria-hidden>{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : ""}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody className="divide-y divide-slate-100 align-top">
        {table.getRowModel().rows.map((r) => (
          <tr key={r.id} data-testid={`product-row-${r.original.slug}`}>
            {r.getAllCells().map((c) => (
              <td key={c.id}>{flexRender(c.column.columnDef.cell, c.getContext())}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
