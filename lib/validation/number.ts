import { z } from "zod";

// Numbers as people type them into forms and URLs (docs/decisions/0027): a JSON number, or plain
// decimal digits with an optional minus sign. Not `true`, `[1]`, "0x10", "1e3", " 1_0" or "",
// which JavaScript's Number() would all turn into a number.

const DIGITS = /^-?[0-9]{1,16}$/;
export const NUMBER_MESSAGE = "Enter a whole number (digits only).";

type Bound = readonly [value: number, message: string];

/** A whole number between two bounds, each with the message shown at the field. */
export function wholeNumber({ min, max, message = NUMBER_MESSAGE }: { min: Bound; max: Bound; message?: string }) {
  return z
    .unknown()
    .transform((v, ctx) => {
      if (typeof v === "number") return v;
      if (typeof v === "string" && DIGITS.test(v.trim())) return Number(v.trim());
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    })
    .pipe(z.number({ error: message }).int("Use a whole number.").min(min[0], min[1]).max(max[0], max[1]));
}

/**
 * A page number from a URL: repeated values use the first, anything that is not digits means
 * page 1, and a number past `max` means `max`, so no link can make a page fail.
 */
export function pageParam(max: number) {
  return z
    .unknown()
    .transform((v) => {
      const first = Array.isArray(v) ? (v[0] as unknown) : v;
      if (typeof first !== "string" || !/^[0-9]+$/.test(first.trim())) return 1;
      return Math.min(max, Math.max(1, Number(first.trim())));
    })
    .default(1);
}
