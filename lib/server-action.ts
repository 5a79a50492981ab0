import "server-only";
import type { z } from "zod";
import type { Viewer } from "@/lib/auth";
import { viewerOrThrow } from "@/lib/auth/session";
import { DomainError, type FieldErrors } from "@/lib/errors";
import type { ActionResult } from "./action-result";

export type { ActionResult } from "./action-result";

/**
 * The one pipeline every server action goes through: validate the input with
 * zod, load the signed-in viewer, run the domain function (which authorizes),
 * and turn expected failures into a typed result for the UI.
 */
export function action<S extends z.ZodType, T>(
  schema: S,
  run: (viewer: Viewer, input: z.output<S>) => Promise<T>,
) {
  return async (raw: z.input<S>): Promise<ActionResult<T>> => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.join(".") || "form";
        fieldErrors[key] ??= issue.message;
      }
      return { ok: false, code: "INVALID", message: "Some fields need attention.", fieldErrors };
    }
    try {
      const viewer = await viewerOrThrow();
      return { ok: true, data: await run(viewer, parsed.data) };
    } catch (e) {
      if (e instanceof DomainError) {
        return { ok: false, code: e.code, message: e.message, fieldErrors: e.fieldErrors };
      }
      console.error("[action] unexpected failure", e);
      return { ok: false, code: "INTERNAL", message: "Something went wrong on our side. Try again, or tell the platform team." };
    }
  };
}
