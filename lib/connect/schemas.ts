import { z } from "zod";

// Inputs of the connector actions, shared by the forms and the server (lib/action-pipeline.ts).

export const CONNECTOR_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

export const createConnectorSchema = z.object({
  teamId: z.string().min(1, "Choose the owning team."),
  name: z.string().trim().regex(CONNECTOR_NAME, "Lowercase letters, digits and dashes, 3 to 63 characters."),
  kind: z.enum(["SOURCE", "SINK"]),
  connectorClass: z.string().trim().min(1, "Choose a connector plugin.").max(300),
  /** A sink's topics, comma-separated (a source names its topic in its own settings). */
  topics: z.string().max(2000).default(""),
  /** The plugin's own settings; empty values mean Connect's default. */
  config: z.record(z.string().regex(/^[A-Za-z0-9._-]{1,200}$/, "Not a setting name."), z.string().max(10_000)).default({}),
});
export type CreateConnectorInput = z.input<typeof createConnectorSchema>;

export const connectorRefSchema = z.object({ id: z.string().min(1) });

export const operateConnectorSchema = z.object({ id: z.string().min(1), operation: z.enum(["pause", "resume", "restart"]) });

export const describePluginSchema = z.object({ connectorClass: z.string().trim().min(1).max(300) });
