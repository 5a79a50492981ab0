import { z } from "zod";

// The rules every piece of text a person or a client sends must meet before anything reads it
// (docs/decisions/0027). Client-safe: forms check with the same schemas as the server.

/** C0 and C1 control characters, DEL included. Multi-line text may keep tab, line feed and carriage return. */
const CONTROL_ANY = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
const CONTROL_IN_PROSE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** With the u flag, a paired surrogate is one code point: only a lone half is left in this class. */
const LONE_SURROGATE = /\p{Surrogate}/u;
/** Embeddings, overrides and isolates: they reorder how the text around them is displayed. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** At least one character that shows something (not a space, not a zero-width or other default-ignorable one). */
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\u2800]/u;

export const TEXT_MESSAGES = {
  surrogate: "This text holds a broken character (half of an emoji or symbol); type it again.",
  control: "Remove the control characters (such as NUL, escape or tab); they cannot be stored.",
  controlInProse: "Remove the control characters (such as NUL or escape); only line breaks and tabs are allowed.",
  bidi: "Remove the text-direction control characters: they change how the text around them is shown.",
  invisible: "Type visible text: this holds only spaces or invisible characters.",
} as const;

/** The first rule `value` breaks, or null. Exported for the tests and for text that is not a form field. */
export function textProblem(value: string, kind: "line" | "prose"): string | null {
  if (LONE_SURROGATE.test(value)) return TEXT_MESSAGES.surrogate;
  if (kind === "line" ? CONTROL_ANY.test(value) : CONTROL_IN_PROSE.test(value)) {
    return kind === "line" ? TEXT_MESSAGES.control : TEXT_MESSAGES.controlInProse;
  }
  if (kind === "line" && BIDI_CONTROL.test(value)) return TEXT_MESSAGES.bidi;
  if (value.length > 0 && !VISIBLE.test(value)) return TEXT_MESSAGES.invisible;
  return null;
}

const checked = (kind: "line" | "prose") =>
  z
    .string({ error: "Type some text." })
    .normalize("NFC")
    .trim()
    .superRefine((value, ctx) => {
      const problem = textProblem(value, kind);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });

/**
 * One line of text a person reads back: a name, a reason's title, a search query. NFC-normalised
 * and trimmed; no control characters, no text-direction controls, not only invisible characters.
 * Chain `.min()`/`.max()` for its length.
 */
export const singleLine = () => checked("line");

/** Free text (descriptions, purposes, reasons, comments): as `singleLine`, but line breaks, tabs and text-direction controls stay. */
export const multiLine = () => checked("prose");

/**
 * A record's id as the client sends it back (Prisma's cuids, or ids a script chose): short, plain
 * ASCII. Anything else cannot name a row, so it is refused before a query is made.
 */
export const recordId = (message = "This is not a valid id.") =>
  z
    .string({ error: message })
    .min(1, message)
    .max(64, message)
    .regex(/^[A-Za-z0-9_-]+$/, message);

/**
 * Whether a JSON value holds a string (or key) that PostgreSQL's jsonb cannot store (NUL, a lone
 * surrogate) or that hides control characters. Spaces and empty strings are fine inside JSON.
 */
export function jsonTextProblem(value: unknown): string | null {
  if (typeof value === "string") {
    if (LONE_SURROGATE.test(value)) return TEXT_MESSAGES.surrogate;
    return CONTROL_IN_PROSE.test(value) ? TEXT_MESSAGES.controlInProse : null;
  }
  const children = Array.isArray(value) ? value : value && typeof value === "object" ? Object.entries(value).flat() : [];
  for (const child of children) {
    const problem = jsonTextProblem(child);
    if (problem) return problem;
  }
  return null;
}
