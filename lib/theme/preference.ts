// A user's colour theme: what they chose, and how the choice travels in a cookie (docs/decisions/0066).
// Pure, so the server, the header's control and unit tests share it.
import { z } from "zod";

export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const themeSchema = z.enum(THEMES);

export const THEME_LABEL: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

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
