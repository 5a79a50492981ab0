import "server-only";
import { z } from "zod";
import { connectRequest } from "./http";

// Typed calls to Connect's REST API: every answer is parsed with zod, so a Connect of another
// version that answers differently fails here, with the field that differs.

const pluginSchema = z.object({ class: z.string(), type: z.enum(["source", "sink"]).or(z.string()), version: z.string().optional() });
export type ConnectPlugin = z.infer<typeof pluginSchema>;

const definitionSchema = z.object({
  name: z.string(),
  type: z.string(),
  required: z.boolean(),
  default_value: z.string().nullable(),
  importance: z.string(),
  documentation: z.string().nullable(),
  group: z.string().nullable(),
  display_name: z.string().nullable(),
  order: z.number(),
});
type ConfigDefinition = z.infer<typeof definitionSchema>;
const valueSchema = z.object({ name: z.string(), value: z.string().nullable(), recommended_values: z.array(z.string()), errors: z.array(z.string()), visible: z.boolean() });
const validationSchema = z.object({
  name: z.string(),
  error_count: z.number(),
  // Settings the plugin does not define (client overrides, config-provider references) come back without a definition.
  configs: z
    .array(z.object({ definition: definitionSchema.nullable(), value: valueSchema }))
    .transform((cs) => cs.filter((c): c is { definition: ConfigDefinition; value: z.infer<typeof valueSchema> } => c.definition !== null)),
});
export type ConfigValidation = z.output<typeof validationSchema>;

const stateSchema = z.object({ state: z.string(), worker_id: z.string().optional(), trace: z.string().optional() });
const statusSchema = z.object({
  name: z.string(),
  connector: stateSchema,
  tasks: z.array(stateSchema.extend({ id: z.number() })),
  type: z.string().optional(),
});
export type ConnectorStatus = z.infer<typeof statusSchema>;

const configSchema = z.record(z.string(), z.string());

export async function listPlugins(): Promise<ConnectPlugin[]> {
  return z.array(pluginSchema).parse(await connectRequest("GET", "/connector-plugins"));
}

/** Connect's own check of a configuration: every field's definition, value and errors. */
export async function validateConfig(connectorClass: string, config: Record<string, string>): Promise<ConfigValidation> {
  const plugin = encodeURIComponent(connectorClass.split(".").pop() ?? connectorClass);
  return validationSchema.parse(await connectRequest("PUT", `/connector-plugins/${plugin}/config/validate`, { ...config, "connector.class": connectorClass }));
}

/** Creates the connector, or replaces its configuration (PUT is idempotent). */
export async function putConnectorConfig(name: string, config: Record<string, string>): Promise<void> {
  await connectRequest("PUT", `/connectors/${encodeURIComponent(name)}/config`, config);
}

/** The stored configuration, secret values included: for the server only, never returned to a page. */
export async function getConnectorConfig(name: string): Promise<Record<string, string>> {
  return configSchema.parse(await connectRequest("GET", `/connectors/${encodeURIComponent(name)}/config`));
}

export async function getConnectorStatus(name: string): Promise<ConnectorStatus> {
  return statusSchema.parse(await connectRequest("GET", `/connectors/${encodeURIComponent(name)}/status`));
}

export async function listConnectorNames(): Promise<string[]> {
  return z.array(z.string()).parse(await connectRequest("GET", "/connectors"));
}

export async function pauseConnector(name: string): Promise<void> {
  await connectRequest("PUT", `/connectors/${encodeURIComponent(name)}/pause`);
}

export async function resumeConnector(name: string): Promise<void> {
  await connectRequest("PUT", `/connectors/${encodeURIComponent(name)}/resume`);
}

/** Restarts the connector and all its tasks. */
export async function restartConnector(name: string): Promise<void> {
  await connectRequest("POST", `/connectors/${encodeURIComponent(name)}/restart?includeTasks=true&onlyFailed=false`);
}

export async function deleteConnectorInConnect(name: string): Promise<void> {
  await connectRequest("DELETE", `/connectors/${encodeURIComponent(name)}`);
}
