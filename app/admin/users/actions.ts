"use server";

import { revalidatePath } from "next/cache";
import { endAllSessions, setUserDisabled } from "@/lib/auth/session";
import { setUserDisabledSchema, userRefSchema } from "@/lib/auth/schemas";
import { action } from "@/lib/server-action";

export const setUserDisabledAction = action(setUserDisabledSchema, async (viewer, input) => {
  const result = await setUserDisabled(viewer, input.userId, input.disabled);
  revalidatePath("/admin/users");
  return result;
});

export const endUserSessionsAction = action(userRefSchema, async (viewer, input) => {
  const ended = await endAllSessions(viewer, input.userId);
  revalidatePath("/admin/users");
  return { ended };
});
