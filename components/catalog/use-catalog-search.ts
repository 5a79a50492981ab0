"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { CatalogResult } from "@/lib/catalog/search";

export class SearchError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function fetchSearch(queryString: string, signal: AbortSignal): Promise<CatalogResult> {
  const res = await fetch(`/api/search?${queryString}`, { signal, headers: { accept: "application/json" } });
  if (!res.ok) {
    // The server names the cause: which parameter is wrong and why (422), or what did not answer (503).
    const body = (await res.json().catch(() => ({}))) as { error?: string; issues?: { path: string; message: string }[] };
    const issues = (body.issues ?? []).map((i) => `${i.path === "q" ? "search text" : i.path}: ${i.message}`).join(" ");
    throw new SearchError(res.status, [body.error ?? `The search failed (${res.status}).`, issues].filter(Boolean).join(" "));
  }
  return (await res.json()) as CatalogResult;
}

/**
 * The catalog's results for a canonical query string. Each view is its own cache entry; a newer
 * view aborts the request of the one it replaces (signal), and the previous answer stays on
 * screen until the new one arrives (keepPreviousData), so answers never arrive out of order.
 */
export function useCatalogSearch(queryString: string, initial?: { key: string; data: CatalogResult }) {
  return useQuery({
    queryKey: ["catalog-search", queryString],
    queryFn: ({ signal }) => fetchSearch(queryString, signal),
    placeholderData: keepPreviousData,
    initialData: initial && initial.key === queryString ? initial.data : undefined,
    staleTime: 15_000,
    retry: (count, error) => !(error instanceof SearchError && error.status < 500) && count < 1,
  });
}
