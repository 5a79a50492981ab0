"use server";

import { z } from "zod";
import { endAllSessions } from "@/lib/auth/session";
import { action } from "@/lib/server-action";
import { setThemePreference, themeSchema } from "@/lib/theme";

/** "Sign out everywhere": every session of the viewer ends, this browser's included. */
export const signOutEverywhereAction = action(z.object({}), async (viewer) => ({ ended: await endAllSessions(viewer, viewer.id) }));

/** The viewer's own colour theme: system, light or dark (docs/decisions/0066). */
export const setThemeAction = action(z.object({ theme: themeSchema }), async (viewer, { theme }) => ({ theme: await setThemePreference(viewer, theme) }));
