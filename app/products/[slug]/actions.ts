"use server";

import { revalidatePath } from "next/cache";
import { requestAccess, cancelAccessRequest } from "@/lib/access";
import { cancelAccessRequestSchema, requestAccessSchema } from "@/lib/access/schemas";
import { action } from "@/lib/server-action";
import { setPortContract, setProductContract } from "@/lib/contracts";
import { productContractSchema } from "@/lib/contracts/contract-model";
import { portContractFormSchema, toPortContract } from "@/lib/contracts/rule-lines";
import { addOutputPort, changeTopicConfig, deprecateProduct, publishProduct, retireProduct, retryOutputPort } from "@/lib/catalog";
import {
  addOutputPortSchema,
  changeTopicConfigSchema,
  deprecateProductSchema,
  publishProductSchema,
  retireProductSchema,
  retryOutputPortSchema,
} from "@/lib/catalog/schemas";

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

export const changeTopicConfigAction = action(changeTopicConfigSchema, async (viewer, input) => {
  const result = await changeTopicConfig(viewer, input);
  revalidatePath("/products/[slug]", "page");
  return result;
});

export const retryOutputPortAction = action(retryOutputPortSchema, async (viewer, input) => {
  const result = await retryOutputPort(viewer, input.portId);
  revalidatePath("/products/[slug]", "page");
  return result;
});

export const setProductContractAction = action(productContractSchema, async (viewer, input) => {
  const result = await setProductContract(viewer, input);
  revalidatePath("/products/[slug]", "page");
  return result;
});

export const addOutputPortAction = action(addOutputPortSchema, async (viewer, input) => {
  const result = await addOutputPort(viewer, input);
  revalidatePath("/products/[slug]", "page");
  return result;
});

export const setPortContractAction = action(portContractFormSchema, async (viewer, input) => {
  const result = await setPortContract(viewer, toPortContract(input));
  revalidatePath("/products/[slug]", "page");
  return result;
});

export const publishProductAction = action(publishProductSchema, async (viewer, input) => {
  const result = await publishProduct(viewer, input);
  revalidatePath("/catalog");
  revalidatePath("/products/[slug]", "page");
  return result;
});

export const deprecateProductAction = action(deprecateProductSchema, async (viewer, input) => {
  const result = await deprecateProduct(viewer, input);
  revalidatePath("/catalog");
  revalidatePath("/products/[slug]", "page");
  return result;
});

export const retireProductAction = action(retireProductSchema, async (viewer, input) => {
  const result = await retireProduct(viewer, input);
  revalidatePath("/catalog");
  revalidatePath("/products/[slug]", "page");
  return result;
});
