import { z } from "zod";
import { pageParam, singleLine } from "@/lib/validation";

/** Pages past this are not worth a query: the log is read from the newest end. */
export const AUDIT_MAX_PAGE = 100_000;

/**
 * The audit log's URL (/admin/audit?page=…&target=…). Typed by people and shared as links, so it
 * never fails: a repeated parameter uses its first value, a page that is not digits is page 1,
 * a target that is not plain text is no filter.
 */
export const auditSearchSchema = z.object({
  page: pageParam(AUDIT_MAX_PAGE),
  target: z
    .unknown()
    .transform((v) => (Array.isArray(v) ? (v[0] as unknown) : v))
    .pipe(singleLine().min(1).max(200))
    .optional()
    .catch(undefined),
});
export type AuditSearch = z.output<typeof auditSearchSchema>;
