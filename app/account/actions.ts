"use server";

import { z } from "zod";
import { endAllSessions } from "@/lib/auth/session";
import { action } from "@/lib/server-action";

/** "Sign out everywhere": every session of the viewer ends, this browser's included. */
export const signOutEverywhereAction = action(z.object({}), async (viewer) => ({ ended: await endAllSessions(viewer, viewer.id) }));
