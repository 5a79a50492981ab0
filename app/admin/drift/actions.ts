"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assertCan } from "@/lib/auth";
import { reconcileAcls } from "@/lib/provisioning";
import { action } from "@/lib/server-action";

export const reconcileNowAction = action(z.object({}), async (viewer) => {
  assertCan(viewer, { permission: "read:acl-drift" });
  const report = await reconcileAcls();
  revalidatePath("/admin/drift");
  return report;
});
