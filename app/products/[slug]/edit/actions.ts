"use server";

import { revalidatePath } from "next/cache";
import { editDataProduct } from "@/lib/catalog";
import { editDataProductSchema } from "@/lib/catalog/schemas";
import { action } from "@/lib/server-action";

export const editDataProductAction = action(editDataProductSchema, async (viewer, input) => {
  const result = await editDataProduct(viewer, input);
  revalidatePath("/catalog");
  revalidatePath("/products/[slug]", "page");
  return result;
});
