import type { FieldErrors } from "./errors";

/** What every server action returns: the UI shows `message` as a toast/banner and `fieldErrors` at the fields. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: string; message: string; fieldErrors?: FieldErrors };
