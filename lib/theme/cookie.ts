// How a user's theme travels in a cookie, and the schema that reads it back (docs/decisions/0066).
// Pure, so the server and unit tests share it.
import { z } from "zod";
import { THEMES, type Theme } from "./preference";

export const themeSchema = z.enum(THEMES);

/** The cookie that mirrors the preference kept on the user, so a page renders in it without reading the database. */
export const THEME_COOKIE = "meshport-theme";

/**
 * The cookie's value: the theme and whose it is ("dark.<userId>"). Someone else signing in on the same
 * browser does not inherit it; their own preference is read from the database instead.
 */
export function themeCookieValue(theme: Theme, userId: string): string {
  return `${theme}.${userId}`;
}

/** The theme a cookie holds for this user; null when absent, malformed, or someone else's. */
export function themeFromCookie(value: string | undefined, userId: string): Theme | null {
  if (!value) return null;
  const dot = value.indexOf(".");
  if (dot < 0 || value.slice(dot + 1) !== userId) return null;
  const parsed = themeSchema.safeParse(value.slice(0, dot));
  return parsed.success ? parsed.data : null;
}
