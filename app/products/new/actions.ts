"use server";

import { revalidatePath } from "next/cache";
import { createDataProduct } from "@/lib/catalog";
import { createDataProductSchema } from "@/lib/catalog/schemas";
import { action } from "@/lib/server-action";

export const createDataProductAction = action(createDataProductSchema, async (viewer, input) => {
  const created = await createDataProduct(viewer, input);
  revalidatePath("/catalog");
  return created;
});
