"use server";

import { revalidatePath } from "next/cache";
import { previewSchemaVersion, publishSchemaVersion, setPortCompatibility, startMajorVersion } from "@/lib/contracts";
import { compatibilityInputSchema, majorVersionInputSchema, schemaVersionInputSchema } from "@/lib/contracts/schemas";
import { action } from "@/lib/server-action";

export const previewSchemaVersionAction = action(schemaVersionInputSchema, async (viewer, input) => await previewSchemaVersion(viewer, input));

export const publishSchemaVersionAction = action(schemaVersionInputSchema, async (viewer, input) => {
  const { version, registryId } = await publishSchemaVersion(viewer, input);
  revalidatePath("/products", "layout");
  return { version, registryId };
});

export const setCompatibilityAction = action(compatibilityInputSchema, async (viewer, input) => {
  const result = await setPortCompatibility(viewer, input);
  revalidatePath("/products", "layout");
  return result;
});

export const startMajorVersionAction = action(majorVersionInputSchema, async (viewer, input) => {
  const result = await startMajorVersion(viewer, input);
  revalidatePath("/products", "layout");
  return result;
});
