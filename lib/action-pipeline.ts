import type { z } from "zod";
import { DomainError, type FieldErrors } from "@/lib/errors";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import type { ActionResult } from "./action-result";

export const INVALID_MESSAGE = "Some fields need attention.";
export const DATABASE_DOWN_MESSAGE =
  "Meshport's database did not answer, so this may not have been saved. Try again in a minute: if it was saved, Meshport will say so.";
export const INTERNAL_MESSAGE = "Something went wrong on our side. Try again, or tell the platform team.";

/**
 * The body of every server action (lib/server-action.ts adds the session): validate with zod,
 * run the domain function, and turn expected failures into a typed result for the UI. Apart from
 * the session so that tests run exactly this with a viewer of their own.
 */
export async function runAction<S extends z.ZodType, T, V>(
  schema: S,
  raw: unknown,
  loadViewer: () => Promise<V>,
  run: (viewer: V, input: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    // At the field the user typed into: an issue inside a list (one of the tags) belongs to the list;
    // one inside a list of fieldsets (an output port's partitions) belongs to that fieldset's field.
    for (const issue of parsed.error.issues) {
      const [first, index, field] = issue.path;
      const key = first === undefined ? "form" : typeof index === "number" && typeof field === "string" ? `${String(first)}.${index}.${field}` : String(first);
      fieldErrors[key] ??= issue.message;
    }
    return { ok: false, code: "INVALID", message: INVALID_MESSAGE, fieldErrors };
  }
  try {
    return { ok: true, data: await run(await loadViewer(), parsed.data) };
  } catch (e) {
    if (e instanceof DomainError) {
      return { ok: false, code: e.code, message: e.message, fieldErrors: e.fieldErrors };
    }
    if (isDatabaseUnavailable(e)) {
      console.warn(`[action] the database did not answer: ${(e as Error).message.split("\n").pop()}`);
      return { ok: false, code: "UNAVAILABLE", message: DATABASE_DOWN_MESSAGE };
    }
    console.error("[action] unexpected failure", e);
    return { ok: false, code: "INTERNAL", message: INTERNAL_MESSAGE };
  }
}
