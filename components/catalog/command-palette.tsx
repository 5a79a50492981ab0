"use client";

import { useQuery } from "@tanstack/react-query";
import { Command } from "cmdk";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useDebounce } from "use-debounce";
import { fetchSearch, SearchError } from "./use-catalog-search";

/**
 * Cmd/Ctrl-K: jump to a data product by name. A native <dialog> (focus trap, Escape, top layer)
 * around cmdk's list; filtering happens on the server, with the same search as the catalog.
 */
export function CommandPalette({ defaultOpen = false }: { defaultOpen?: boolean }) {
  const [open, setOpen] = useState(defaultOpen);
  const [q, setQ] = useState("");
  const [debounced] = useDebounce(q.trim(), 150);
  const dialog = useRef<HTMLDialogElement>(null);
  const router = useRouter();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() === "k" && (e.metaKey || e.ctrlKey)) {
        e.preventDefault();
        setOpen((o) => !o);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const qs = new URLSearchParams({ q: debounced, limit: "8", facets: "0", ...(debounced ? {} : { sort: "updated" }) }).toString();
  const { data, isFetching, error } = useQuery({
    queryKey: ["palette", qs],
    queryFn: ({ signal }) => fetchSearch(qs, signal),
    enabled: open,
    staleTime: 15_000,
    retry: false,
  });

  // cmdk highlights nothing by itself when the list arrives late: highlight the best match.
  const [selected, setSelected] = useState("");
  const highlighted = data?.items.some((i) => i.slug === selected) ? selected : (data?.items[0]?.slug ?? "");

  const go = (slug: string) => {
    setOpen(false);
    setQ("");
    router.push(`/products/${slug}`);
  };

  return (
    <dialog
      ref={dialog}
      aria-label="Jump to a data product"
      onClose={() => setOpen(false)}
      onClick={(e) => {
        if (e.target === dialog.current) setOpen(false);
      }}
      className="mx-auto mt-[15vh] w-full max-w-xl rounded-xl bg-surface p-0 shadow-2xl ring-1 ring-slate-200 backdrop:bg-black/50"
    >
      {open ? (
        <Command shouldFilter={false} label="Jump to a data product" loop value={highlighted} onValueChange={setSelected}>
          <div className="flex items-center gap-2 border-b border-slate-200 px-4">
            <span aria-hidden="true" className="text-slate-400">
              ⌕
            </span>
            <Command.Input
              autoFocus
              value={q}
              onValueChange={setQ}
              placeholder="Jump to a data product…"
              aria-label="Product name"
              className="h-12 w-full border-0 bg-transparent text-sm outline-none placeholder:text-slate-400 focus:ring-0"
            />
            <kbd className="rounded border border-slate-300 px-1.5 text-xs text-slate-500">Esc</kbd>
          </div>
          <Command.List className="max-h-80 overflow-y-auto p-2">
            {error ? (
              <p className="px-3 py-6 text-center text-sm text-rose-700">
                {error instanceof SearchError ? error.message : "The search did not answer; try again."}
              </p>
            ) : (
              <Command.Empty className="px-3 py-6 text-center text-sm text-slate-500">
                {isFetching ? "Searching…" : `No data product matches “${debounced}”.`}
              </Command.Empty>
            )}
            {data && data.items.length > 0 ? (
              <Command.Group heading={debounced ? "Data products" : "Recently updated"} className="text-xs text-slate-500 [&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:py-1.5">
                {data.items.map((p) => (
                  <Command.Item
                    key={p.id}
                    value={p.slug}
                    onSelect={() => go(p.slug)}
                    className="flex cursor-pointer items-center justify-between gap-3 rounded-md px-3 py-2 text-sm text-slate-800 data-[selected=true]:bg-indigo-50 data-[selected=true]:text-indigo-900"
                  >
                    <span className="truncate font-medium">{p.name}</span>
                    <span className="shrink-0 text-xs text-slate-500">
                      {p.domain.name} · {p.team.name}
                    </span>
                  </Command.Item>
                ))}
              </Command.Group>
            ) : null}
          </Command.List>
        </Command>
      ) : null}
    </dialog>
  );
}
