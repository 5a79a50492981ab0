import type { ConfigValidation } from "./client";

// Pure: the form a plugin's own configuration definition gives (from Connect's validate endpoint),
// and where Connect's errors belong on it. No I/O; unit-tested.

export type PluginField = {
  name: string;
  label: string;
  type: string;
  required: boolean;
  defaultValue: string | null;
  documentation: string;
  /** A PASSWORD field: write-only in Meshport (never shown back, never stored, never audited). */
  secret: boolean;
  recommended: string[];
};

/**
 * Framework settings: Meshport sets some (name, class, topics, client overrides) and keeps the others at
 * Connect's defaults, so a team cannot point a dead-letter queue or a transform at a topic the policy never saw.
 */
const FRAMEWORK_GROUPS = new Set(["Common", "Transforms", "Predicates", "Error Handling", "Topic Creation", "Exactly Once Support", "offsets.topic"]);
/** Framework settings a team may set anyway. */
const TEAM_SETTABLE = new Set(["tasks.max"]);

export function isTeamField(definition: { name: string; group: string | null }): boolean {
  return TEAM_SETTABLE.has(definition.name) || !FRAMEWORK_GROUPS.has(definition.group ?? "");
}

/** The fields a team fills in for this plugin: its own, then tasks.max. */
export function formFields(validation: ConfigValidation): PluginField[] {
  return validation.configs
    .filter((c) => isTeamField(c.definition))
    .sort((a, b) => Number(a.definition.name === "tasks.max") - Number(b.definition.name === "tasks.max") || a.definition.order - b.definition.order)
    .map(({ definition: d, value }) => ({
      name: d.name,
      label: d.display_name && d.display_name !== d.name ? d.display_name : d.name,
      type: d.type,
      required: d.required,
      defaultValue: d.default_value,
      documentation: d.documentation ?? "",
      secret: d.type === "PASSWORD",
      recommended: value.recommended_values,
    }));
}

/** Connect's errors at the form's fields: `config.<field>` for the plugin's, `topics` and `name` for Meshport's own. */
export function validationErrors(validation: ConfigValidation): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { definition, value } of validation.configs) {
    const first = value.errors[0];
    if (!first) continue;
    const key = definition.name === "topics" || definition.name === "topics.regex" ? "topics" : definition.name === "name" ? "name" : `config.${definition.name}`;
    out[key] ??= first;
  }
  return out;
}
