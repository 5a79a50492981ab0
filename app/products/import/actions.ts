"use server";

import { revalidatePath } from "next/cache";
import { importProduct, previewImport } from "@/lib/contracts/standards";
import { importInputSchema } from "@/lib/contracts/standards/import-input";
import { action } from "@/lib/server-action";

export const previewImportAction = action(importInputSchema, async (viewer, input) => await previewImport(viewer, input));

export const importProductAction = action(importInputSchema, async (viewer, input) => {
  const created = await importProduct(viewer, input);
  revalidatePath("/catalog");
  return created;
});
