import type { CompatibilityMode } from "@/lib/schema-registry/types";
import type { SchemaChange } from "./diff";
import type { ParsedSchema, SchemaFormat } from "./model";

// Meshport's own reasons why a change breaks consumers, per format and direction. The registry gives a
// verdict (Apicurio 3 only yes or no); these say which change breaks whom, in words.
//   backward: consumers on the NEW schema read data written with the OLD one (upgrade consumers first)
//   forward:  consumers still on the OLD schema read data written with the NEW one (upgrade producers first)

export type Direction = "backward" | "forward";
export type BreakingReason = { path: string; direction: Direction; reason: string; against?: number };

export function directionsOf(mode: CompatibilityMode): Direction[] {
  if (mode.startsWith("BACKWARD")) return ["backward"];
  if (mode.startsWith("FORWARD")) return ["forward"];
  if (mode.startsWith("FULL")) return ["backward", "forward"];
  return [];
}

export const isTransitive = (mode: CompatibilityMode) => mode.endsWith("_TRANSITIVE");

/** What each mode promises, as a set; a mode satisfies a floor when it promises at least as much. */
function promises(mode: CompatibilityMode): Set<string> {
  const s = new Set<string>(directionsOf(mode));
  if (isTransitive(mode)) s.add("transitive");
  return s;
}

/** Governance: is `mode` at least as strong as the policy's weakest allowed mode? */
export function satisfiesFloor(mode: CompatibilityMode, floor: CompatibilityMode): boolean {
  const have = promises(mode);
  return [...promises(floor)].every((p) => have.has(p));
}

// Avro schema resolution promotions (writer → reader).
const AVRO_PROMOTIONS: Record<string, string[]> = {
  int: ["long", "float", "double"],
  long: ["float", "double"],
  float: ["double"],
  string: ["bytes"],
  bytes: ["string"],
};
const avroPromotes = (writer: string, reader: string) =>
  writer === reader || (AVRO_PROMOTIONS[writer]?.includes(reader) ?? false) || reader.split(" | ").includes(writer);

const JSON_WIDENS: Record<string, string[]> = { integer: ["number"] };
const jsonAccepts = (data: string, schema: string) => data === schema || (JSON_WIDENS[data]?.includes(schema) ?? false);

// Protobuf wire-compatible scalar groups (same encoding, values may truncate but parse).
const PROTO_GROUPS = [["int32", "uint32", "int64", "uint64", "bool"], ["sint32", "sint64"], ["fixed32", "sfixed32"], ["fixed64", "sfixed64"], ["string", "bytes"]];
const protoCompatible = (a: string, b: string) => a === b || PROTO_GROUPS.some((g) => g.includes(a) && g.includes(b));

function avro(change: SchemaChange, direction: Direction): string | null {
  const { before: o, after: f } = change;
  if (direction === "backward") {
    if (change.kind === "added" && f && !f.hasDefault)
      return `New field ${f.path} has no default: consumers on the new schema cannot read messages written before it existed.`;
    if (change.kind === "type-changed" && o && f && !avroPromotes(o.type, f.type))
      return `Avro cannot read ${o.type} as ${f.type}: consumers on the new schema fail on older messages' ${f.path}.`;
    if (change.kind === "optionality-changed" && f?.required)
      return `${f.path} no longer accepts null, but older messages may hold null there.`;
    if (change.kind === "symbols-removed" && o && f)
      return `Older messages may carry ${o.symbols!.filter((s) => !f.symbols!.includes(s)).join(", ")} in ${f.path}, which the new schema no longer knows.`;
  } else {
    if (change.kind === "removed" && o && !o.hasDefault)
      return `Consumers still on the old schema require ${o.path} (it has no default there), and new messages no longer carry it.`;
    if (change.kind === "renamed" && o && !o.hasDefault)
      return `Consumers still on the old schema look for ${o.path}, which new messages call ${change.path}; it has no default in the old schema.`;
    if (change.kind === "type-changed" && o && f && !avroPromotes(f.type, o.type))
      return `Consumers still on the old schema cannot read the new ${f.type} of ${f.path} as ${o.type}.`;
    if (change.kind === "optionality-changed" && f && !f.required)
      return `New messages may hold null in ${f.path}, which consumers on the old schema do not accept.`;
    if (change.kind === "symbols-added" && o && f)
      return `New messages may carry ${f.symbols!.filter((s) => !o.symbols!.includes(s)).join(", ")} in ${f.path}, unknown to consumers on the old schema.`;
  }
  return null;
}

function jsonSchema(change: SchemaChange, direction: Direction, before: ParsedSchema, after: ParsedSchema): string | null {
  const { before: o, after: f } = change;
  if (direction === "backward") {
    if (change.kind === "added" && f?.required) return `New required property ${f.path}: older messages lack it and fail validation.`;
    if (change.kind === "removed" && o && !after.open) return `The new schema forbids other properties, but older messages still carry ${o.path}.`;
    if (change.kind === "type-changed" && o && f && !jsonAccepts(o.type, f.type)) return `Older messages hold ${o.type} in ${f.path}, which the new schema (${f.type}) rejects.`;
    if (change.kind === "optionality-changed" && f?.required) return `${f.path} became required, but older messages may lack it.`;
    if (change.kind === "symbols-removed" && o && f)
      return `Older messages may hold ${o.symbols!.filter((s) => !f.symbols!.includes(s)).join(", ")} in ${f.path}, which the new schema rejects.`;
  } else {
    if (change.kind === "removed" && o?.required) return `Consumers on the old schema require ${o.path}, which new messages no longer carry.`;
    if (change.kind === "added" && f && !before.open) return `The old schema forbids other properties, so consumers on it reject new messages carrying ${f.path}.`;
    if (change.kind === "type-changed" && o && f && !jsonAccepts(f.type, o.type)) return `New messages hold ${f.type} in ${f.path}, which the old schema (${o.type}) rejects.`;
    if (change.kind === "optionality-changed" && f && !f.required) return `Consumers on the old schema require ${f.path}, which new messages may omit.`;
    if (change.kind === "symbols-added" && o && f)
      return `New messages may hold ${f.symbols!.filter((s) => !o.symbols!.includes(s)).join(", ")} in ${f.path}, which the old schema rejects.`;
  }
  return null;
}

function proto(change: SchemaChange): string | null {
  const { before: o, after: f } = change;
  if (change.kind === "number-changed" && o && f)
    return `${f.path} moved from field number ${o.number} to ${f.number}: readers on either schema decode the other's data into the wrong field or lose it.`;
  if (change.kind === "type-changed" && o && f) {
    const strip = (t: string) => t.replace(/^(repeated|map) /, "");
    if (o.type.startsWith("repeated ") !== f.type.startsWith("repeated ")) return `${f.path} changed between repeated and single: the wire encodings differ.`;
    if (!protoCompatible(strip(o.type), strip(f.type))) return `${f.path} changed from ${o.type} to ${f.type}, which are encoded differently on the wire.`;
  }
  return null;
}

/** The breaking changes of `changes` (from `before` to `after`) under `mode`, each with Meshport's reason. */
export function breakingReasons(format: SchemaFormat, mode: CompatibilityMode, before: ParsedSchema, after: ParsedSchema, changes: SchemaChange[]): BreakingReason[] {
  const out: BreakingReason[] = [];
  for (const direction of directionsOf(mode)) {
    for (const change of changes) {
      // Protobuf's breaking changes break both ways: reported once.
      const reason = format === "AVRO" ? avro(change, direction) : format === "JSON_SCHEMA" ? jsonSchema(change, direction, before, after) : direction === directionsOf(mode)[0] ? proto(change) : null;
      if (reason) out.push({ path: change.path, direction, reason });
    }
  }
  return out;
}
