"use server";

import { revalidatePath } from "next/cache";
import { decideAccessRequest } from "@/lib/access";
import { decideAccessRequestSchema } from "@/lib/access/schemas";
import { action } from "@/lib/server-action";

export const decideAccessRequestAction = action(decideAccessRequestSchema, async (viewer, input) => {
  const result = await decideAccessRequest(viewer, input);
  revalidatePath("/access");
  return result;
});
