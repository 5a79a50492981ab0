import { z } from "zod";
import { singleLine, wholeNumber } from "@/lib/validation";

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

const slugish = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]{0,60}$/, "Use a value from the filter list (lowercase letters, digits, dashes).");
/** A parameter given once: repeated with different values, it is refused with `message`. */
const one = <T extends z.ZodType>(message: string, schema: T) =>
  z.preprocess((v, ctx) => {
    if (!Array.isArray(v)) return v;
    if (new Set(v).size === 1) return v[0] as unknown;
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  }, schema);

export const searchParamsSchema = z.object({
  q: one("Search for one text at a time.", singleLine().max(200, "Keep the search under 200 characters.")).optional().default(""),
  domain: list(slugish),
  team: list(slugish),
  tag: list(slugish),
  classification: list(z.enum(CLASSIFICATION_VALUES)),
  lifecycle: list(z.enum(LIFECYCLE_VALUES)),
  access: one("Use access=mine once.", z.enum(["mine"], { error: "Use access=mine." })).optional(),
  sort: one("Choose one sort.", z.enum(SORTS, { error: `Sort by ${SORTS.join(", ")}.` })).optional(),
  page: one("Ask for one page.", wholeNumber({ min: [1, "Pages start at 1."], max: [MAX_PAGE, `Pages end at ${MAX_PAGE}.`] })).optional().default(1),
  /** The palette asks for a few names and no facets. */
  limit: one("Ask for one limit.", wholeNumber({ min: [1, "At least 1 result."], max: [50, "At most 50 results."] })).optional(),
  facets: one("Use facets=0 or 1 once.", z.enum(["0", "1"], { error: "Use facets=0 or facets=1." })).optional(),
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

/** A URL parameter the catalog ignored, and why: the page says so instead of failing or hiding it. */
export type IgnoredParam = { param: string; message: string };

/**
 * Lenient parse for pages: each invalid parameter falls back to its default instead of an error,
 * and is listed with the reason, so the page can tell the user what it did not use.
 */
export function readCatalogSearch(params: URLSearchParams | Record<string, string | string[] | undefined>): { search: CatalogSearch; ignored: IgnoredParam[] } {
  const record = recordFromParams(params);
  const parsed = searchParamsSchema.safeParse(record);
  if (parsed.success) return { search: parsed.data, ignored: [] };
  const clean: Record<string, unknown> = { ...record };
  const ignored: IgnoredParam[] = [];
  for (const issue of parsed.error.issues) {
    const param = String(issue.path[0]);
    if (!(param in clean)) continue;
    delete clean[param];
    ignored.push({ param, message: issue.message });
  }
  return { search: searchParamsSchema.parse(clean), ignored };
}

export function parseCatalogSearch(params: URLSearchParams | Record<string, string | string[] | undefined>): CatalogSearch {
  return readCatalogSearch(params).search;
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
