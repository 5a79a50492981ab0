import type { FieldErrors } from "@/lib/errors";
import { checkOutputPort, type OutputPortContext, type Policies } from "./policies";
import { topicNameUnder } from "./prefixes";

// Several output ports per product (docs/decisions/0052): each port is a topic with its own layout.
// Pure, shared by the forms (a verdict at each port's fields as the owner types) and the server.

/** A port as the forms hold it: the topic may be left empty for the default name. */
export type PortDraft = { name: string; topic: string; partitions: number; replicationFactor: number; retentionHours: number };

/**
 * The topic a port gets: what the owner typed, else `<prefix><product>.v1` for the product's first port
 * and `<prefix><product>.<port>.v1` for the others (two ports never default to the same name).
 */
export function portTopic(prefix: string, productSlug: string, port: { name: string; topic: string }, index: number): string {
  const typed = port.topic.trim();
  if (typed) return typed;
  return topicNameUnder(prefix, index === 0 ? productSlug : `${productSlug}.${port.name || `port${index + 1}`}`);
}

/**
 * Violations of the policies on each of a product's new ports, keyed `ports.<i>.<field>` so each one
 * lands at that port's field; two ports with one topic or one name are refused at the second.
 * `existing`: names and topics the product (or Kafka's namespace in Meshport) already uses.
 */
export function checkOutputPorts(
  ports: PortDraft[],
  ctx: OutputPortContext,
  policies: Policies,
  existing: { names: string[]; topics: string[] } = { names: [], topics: [] },
): FieldErrors {
  const errors: FieldErrors = {};
  const names = new Set(existing.names);
  const topics = new Set(existing.topics);
  ports.forEach((port, i) => {
    for (const [field, message] of Object.entries(checkOutputPort(port, ctx, policies))) errors[`ports.${i}.${field}`] = message;
    if (port.name && names.has(port.name)) errors[`ports.${i}.name`] = `Another output port of this product is already called "${port.name}".`;
    if (topics.has(port.topic)) errors[`ports.${i}.topic`] ??= `Another output port already uses the topic "${port.topic}".`;
    names.add(port.name);
    topics.add(port.topic);
  });
  return errors;
}
