"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { reconcileNow } from "@/lib/provisioning";
import { action } from "@/lib/server-action";

export const reconcileNowAction = action(z.object({}), async (viewer) => {
  const report = await reconcileNow(viewer);
  revalidatePath("/admin/drift");
  return report;
});
