"use server";

import { revalidatePath } from "next/cache";
import { createConnector, deleteConnector, operateConnector, pluginForm } from "@/lib/connect";
import { connectorRefSchema, createConnectorSchema, describePluginSchema, operateConnectorSchema } from "@/lib/connect/schemas";
import { action } from "@/lib/server-action";

export const createConnectorAction = action(createConnectorSchema, async (viewer, input) => {
  const created = await createConnector(viewer, input);
  revalidatePath("/connectors");
  return created;
});

export const describePluginAction = action(describePluginSchema, async (viewer, input) => await pluginForm(viewer, input.connectorClass));

export const operateConnectorAction = action(operateConnectorSchema, async (viewer, input) => {
  await operateConnector(viewer, input);
  revalidatePath(`/connectors/${input.id}`);
  return { done: true };
});

export const deleteConnectorAction = action(connectorRefSchema, async (viewer, input) => {
  await deleteConnector(viewer, input);
  revalidatePath("/connectors");
  return { deleted: true };
});
