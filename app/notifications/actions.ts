"use server";

import { revalidatePath } from "next/cache";
import { markNotificationsRead } from "@/lib/notifications";
import { markNotificationsReadSchema } from "@/lib/access/schemas";
import { action } from "@/lib/server-action";

export const markReadAction = action(markNotificationsReadSchema, async (viewer, input) => {
  const count = await markNotificationsRead(viewer, input.id);
  revalidatePath("/", "layout");
  return { count };
});
