import { z } from "zod";

// The catalog's view state, as the URL holds it: /catalog?q=orders&domain=sales&tag=pii&sort=name&page=2
// Shared by the page (server), the search endpoint and the client component, so a link
// reproduces the view. No server imports here: the browser bundles this file.

export const SORTS = ["relevance", "name", "updated", "consumers"] as const;
export type Sort = (typeof SORTS)[number];
export const CLASSIFICATION_VALUES = ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"] as const;
export const LIFECYCLE_VALUES = ["DRAFT", "ACTIVE", "DEPRECATED", "RETIRED"] as const;
export const PAGE_SIZE = 20;
export const MAX_PAGE = 500;

const list = <T extends string>(item: z.ZodType<T, string>) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(item).max(20))
    .transform((v) => [...new Set(v)]);

const slugish = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]{0,60}$/);

export const searchParamsSchema = z.object({
  q: z.string().trim().max(200).optional().default(""),
  domain: list(slugish),
  team: list(slugish),
  tag: list(slugish),
  classification: list(z.enum(CLASSIFICATION_VALUES)),
  lifecycle: list(z.enum(LIFECYCLE_VALUES)),
  access: z.enum(["mine"]).optional(),
  sort: z.enum(SORTS).optional(),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).optional().default(1),
  /** The palette asks for a few names and no facets. */
  limit: z.coerce.number().int().min(1).max(50).optional(),
  facets: z.enum(["0", "1"]).optional(),
});

export type CatalogSearch = z.output<typeof searchParamsSchema>;

/** The multi-valued facets of the URL, in display order. */
export const FACET_KEYS = ["domain", "team", "tag", "classification", "lifecycle"] as const;
export type FacetKey = (typeof FACET_KEYS)[number] | "access";

/** URLSearchParams (or Next's searchParams object) → a plain record zod can read. */
export function recordFromParams(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const add = (k: string, v: string) => {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  };
  if (params instanceof URLSearchParams) params.forEach((v, k) => add(k, v));
  else for (const [k, v] of Object.entries(params)) for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) add(k, x);
  return out;
}

/** Lenient parse for pages: anything invalid in the URL falls back to the default instead of an error. */
export function parseCatalogSearch(params: URLSearchParams | Record<string, string | string[] | undefined>): CatalogSearch {
  const record = recordFromParams(params);
  const parsed = searchParamsSchema.safeParse(record);
  if (parsed.success) return parsed.data;
  const clean: Record<string, unknown> = { ...record };
  for (const issue of parsed.error.issues) delete clean[String(issue.path[0])];
  return searchParamsSchema.parse(clean);
}

export function effectiveSort(s: Pick<CatalogSearch, "q" | "sort">): Sort {
  return s.sort ?? (s.q ? "relevance" : "name");
}

/** The canonical query string of a view (stable order, defaults left out). */
export function catalogQueryString(s: Partial<CatalogSearch>): string {
  const sp = new URLSearchParams();
  if (s.q) sp.set("q", s.q);
  for (const key of FACET_KEYS) for (const v of s[key] ?? []) sp.append(key, v);
  if (s.access) sp.set("access", s.access);
  if (s.sort) sp.set("sort", s.sort);
  if (s.page && s.page > 1) sp.set("page", String(s.page));
  return sp.toString();
}
