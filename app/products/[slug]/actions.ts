"use server";

import { revalidatePath } from "next/cache";
import { requestAccess, cancelAccessRequest } from "@/lib/access";
import { cancelAccessRequestSchema, requestAccessSchema } from "@/lib/access/schemas";
import { action } from "@/lib/server-action";

export const requestAccessAction = action(requestAccessSchema, async (viewer, input) => {
  const result = await requestAccess(viewer, input);
  revalidatePath("/access");
  return result;
});

export const cancelAccessRequestAction = action(cancelAccessRequestSchema, async (viewer, input) => {
  await cancelAccessRequest(viewer, input.requestId);
  revalidatePath("/access");
  return { cancelled: true };
});
