import { z } from "zod";
import { calendarDate, pageParam, recordId, singleLine } from "@/lib/validation";

/** Pages past this are not worth a query: the log is read from the newest end. */
export const AUDIT_MAX_PAGE = 100_000;

/** A repeated URL parameter uses its first value. */
const first = z.unknown().transform((v) => (Array.isArray(v) ? (v[0] as unknown) : v));
/** A filter value that is not fit is no filter: a shared link never fails. */
const lenient = <T extends z.ZodType>(schema: T) => first.pipe(schema).optional().catch(undefined);

/** Who acted: a user's id, or `system` for background jobs. */
const actorParam = z.union([z.literal("system"), recordId()]);
/** Actions and target types are `kebab.words` (lib/audit AuditEntry). */
const dottedName = z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/i).max(80);

/**
 * The audit log's filters, as they live in its URL (/admin/audit?actor=…&action=…&targetType=…
 * &target=…&from=YYYY-MM-DD&to=YYYY-MM-DD&q=…&page=…) and in the export's. Typed by people and
 * shared as links, so parsing never fails: a parameter that is not fit is dropped, and the page
 * says which ones were.
 */
export const auditFilterSchema = z.object({
  actor: lenient(actorParam),
  action: lenient(dottedName),
  targetType: lenient(dottedName),
  target: lenient(singleLine().min(1).max(200)),
  /** Whole UTC days, both ends included. */
  from: lenient(calendarDate()),
  to: lenient(calendarDate()),
  /** Searched in the change text: action, who, target and the before/after values. */
  q: lenient(singleLine().min(1).max(200)),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

export const auditSearchSchema = auditFilterSchema.extend({ page: pageParam(AUDIT_MAX_PAGE) });
export type AuditSearch = z.output<typeof auditSearchSchema>;

export const AUDIT_FILTER_KEYS = ["actor", "action", "targetType", "target", "from", "to", "q"] as const satisfies readonly (keyof AuditFilter)[];

/** The filters that were given in the URL but not used (so the page can say so). */
export function ignoredFilters(raw: Record<string, unknown>, parsed: AuditFilter): string[] {
  return AUDIT_FILTER_KEYS.filter((k) => raw[k] !== undefined && raw[k] !== "" && parsed[k] === undefined);
}

/** The filters as URL parameters (for links, pagination and the export). */
export function filterParams(filter: AuditFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const k of AUDIT_FILTER_KEYS) if (filter[k] !== undefined) params.set(k, filter[k]);
  return params;
}

export const auditExportFormat = lenient(z.enum(["csv", "jsonl"])).transform((f) => f ?? "csv");
export type AuditExportFormat = "csv" | "jsonl";
