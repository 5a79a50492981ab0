"use server";

import { revalidatePath } from "next/cache";
import { editDataProduct, setInputPorts } from "@/lib/catalog";
import { editDataProductSchema, setInputPortsSchema } from "@/lib/catalog/schemas";
import { action } from "@/lib/server-action";

export const editDataProductAction = action(editDataProductSchema, async (viewer, input) => {
  const result = await editDataProduct(viewer, input);
  revalidatePath("/catalog");
  revalidatePath("/products/[slug]", "page");
  return result;
});

export const setInputPortsAction = action(setInputPortsSchema, async (viewer, input) => {
  const result = await setInputPorts(viewer, input);
  revalidatePath("/products/[slug]", "page");
  return result;
});
