import protobuf from "protobufjs";
import type { FieldModel, ParseResult } from "../model";

// Protobuf (.proto source) parsed by protobufjs. Its errors name the line ("illegal token 'x' (line 3)");
// the column is where that token starts on the line.

function flatten(ns: protobuf.NamespaceBase, prefix = ""): FieldModel[] {
  const out: FieldModel[] = [];
  for (const nested of ns.nestedArray) {
    if (nested instanceof protobuf.Type) {
      const base = `${prefix}${nested.name}`;
      for (const f of nested.fieldsArray) {
        out.push({
          path: `${base}.${f.name}`,
          type: `${f.repeated ? "repeated " : f.map ? "map " : ""}${f.type}`,
          required: f.required,
          hasDefault: false,
          aliases: [],
          number: f.id,
        });
      }
      out.push(...flatten(nested, `${base}.`));
    } else if (nested instanceof protobuf.Namespace) {
      out.push(...flatten(nested, `${prefix}${nested.name}.`));
    }
  }
  return out;
}

export function parseProtobuf(text: string): ParseResult {
  let root: protobuf.Root;
  try {
    root = protobuf.parse(text, { keepCase: true }).root;
    root.resolveAll();
  } catch (e) {
    const message = (e as Error).message;
    const lineMatch = /line (\d+)/.exec(message);
    const line = lineMatch ? Number(lineMatch[1]) : 1;
    const token = /'([^']+)'/.exec(message)?.[1];
    const column = token ? Math.max(1, (text.split("\n")[line - 1] ?? "").indexOf(token) + 1) : 1;
    return { ok: false, issue: { message: `Not a valid .proto: ${message.replace(/\s*\(line \d+\)/, "")}`, line, column } };
  }
  const fields = flatten(root);
  if (fields.length === 0) return { ok: false, issue: { message: "Declare at least one message with a field.", line: 1, column: 1 } };
  return { ok: true, schema: { format: "PROTOBUF", text: text.trim(), definition: { proto: text.trim() }, fields, open: true } };
}
