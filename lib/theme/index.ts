import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import type { Viewer } from "@/lib/auth";
import { db, isDatabaseUnavailable, type ThemePreference } from "@/lib/db";
import type { Theme } from "./preference";
import { THEME_COOKIE, themeCookieValue, themeFromCookie } from "./cookie";

export { THEMES, THEME_LABEL, type Theme } from "./preference";
export { themeSchema } from "./cookie";

const TO_DB: Record<Theme, ThemePreference> = { system: "SYSTEM", light: "LIGHT", dark: "DARK" };
const FROM_DB: Record<ThemePreference, Theme> = { SYSTEM: "system", LIGHT: "light", DARK: "dark" };
const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * The theme to render for this request: signed-out visitors follow their system; a signed-in user gets
 * their preference, from the cookie that mirrors it when it is theirs, else from the database (a new
 * browser, or another user's cookie). Cached for one request.
 */
export const themeFor = cache(async (viewer: Viewer | null): Promise<Theme> => {
  if (!viewer) return "system";
  const mirrored = themeFromCookie((await cookies()).get(THEME_COOKIE)?.value, viewer.id);
  if (mirrored) return mirrored;
  // A database that stops answering mid-request costs the colours, not the page (the root layout renders it).
  const user = await db.user.findUnique({ where: { id: viewer.id }, select: { themePreference: true } }).catch((e: unknown) => {
    if (isDatabaseUnavailable(e)) return null;
    throw e;
  });
  return user ? FROM_DB[user.themePreference] : "system";
});

/**
 * The viewer's own preference (nobody else's: there is no user to name), kept on the user and mirrored
 * in the cookie. Not audited: a personal display setting that changes nothing anyone else sees.
 */
export async function setThemePreference(viewer: Viewer, theme: Theme): Promise<Theme> {
  await db.user.update({ where: { id: viewer.id }, data: { themePreference: TO_DB[theme] } });
  (await cookies()).set(THEME_COOKIE, themeCookieValue(theme, viewer.id), {
    path: "/",
    maxAge: YEAR_SECONDS,
    sameSite: "lax",
    // Only the server reads it; it names a colour, so it needs no Secure flag to be safe.
    httpOnly: true,
  });
  return theme;
}
