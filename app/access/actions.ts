"use server";

import { revalidatePath } from "next/cache";
import { addComment, cancelAccessRequest, decideAccessRequest, requestRenewal, revokeAccess } from "@/lib/access";
import { cancelAccessRequestSchema, commentSchema, decideAccessRequestSchema, renewAccessSchema, revokeAccessSchema } from "@/lib/access/schemas";
import { action } from "@/lib/server-action";

function refresh(requestId?: string) {
  revalidatePath("/access");
  if (requestId) revalidatePath(`/access/${requestId}`);
}

export const decideAccessRequestAction = action(decideAccessRequestSchema, async (viewer, input) => {
  const result = await decideAccessRequest(viewer, input);
  refresh(input.requestId);
  return result;
});

export const cancelRequestAction = action(cancelAccessRequestSchema, async (viewer, input) => {
  await cancelAccessRequest(viewer, input.requestId);
  refresh(input.requestId);
  return { cancelled: true };
});

export const revokeAccessAction = action(revokeAccessSchema, async (viewer, input) => {
  const result = await revokeAccess(viewer, input);
  refresh(input.requestId);
  revalidatePath("/products/[slug]", "page");
  return result;
});

export const renewAccessAction = action(renewAccessSchema, async (viewer, input) => {
  const result = await requestRenewal(viewer, input.requestId);
  refresh(input.requestId);
  return result;
});

export const commentAction = action(commentSchema, async (viewer, input) => {
  const result = await addComment(viewer, input);
  refresh(input.requestId);
  return result;
});
