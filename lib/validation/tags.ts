import { z } from "zod";

// Tags on data products and in the policies that require them: one rule for both.

export const TAG_PATTERN = /^[a-z0-9][a-z0-9-]{0,30}$/;
export const TAG_HINT = "Tags are short lowercase words: letters, digits and dashes, up to 31 characters.";

/**
 * Tags typed as "a, b c" arrive as a string; an API may send an array. Lowercased, de-duplicated;
 * a bad tag is named in the message at the field itself (the list is one field to the user).
 */
export function tagList(max: number) {
  return z
    .union([z.string(), z.array(z.string())], { error: "Type tags separated by commas or spaces." })
    .transform((v, ctx) => {
      const list = (Array.isArray(v) ? v : v.split(/[\s,]+/)).map((t) => t.normalize("NFC").trim().toLowerCase()).filter(Boolean);
      const bad = list.find((t) => !TAG_PATTERN.test(t));
      if (bad !== undefined) {
        ctx.addIssue({ code: "custom", message: `“${printable(bad)}” is not a tag. ${TAG_HINT}` });
        return z.NEVER;
      }
      const unique = [...new Set(list)];
      if (unique.length > max) {
        ctx.addIssue({ code: "custom", message: `Use at most ${max} tags.` });
        return z.NEVER;
      }
      return unique;
    });
}

/** A tag as quoted back in a message: control and invisible characters shown as code points. */
function printable(tag: string): string {
  const shown = tag.length > 32 ? `${tag.slice(0, 32)}…` : tag;
  return shown.replace(/[^\p{L}\p{N}\p{P}\p{S}]/gu, (c) => `U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0")}`);
}
