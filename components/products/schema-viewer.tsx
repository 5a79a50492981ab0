import { Table } from "@/components/ui/table";
import { definitionText, parseSchema } from "@/lib/contracts/formats";
import { formatLabel, type SchemaFormat } from "@/lib/contracts/model";

type AvroField = { name: string; type: unknown; doc?: string; default?: unknown };

function typeLabel(type: unknown): string {
  if (typeof type === "string") return type;
  if (Array.isArray(type)) return type.map(typeLabel).join(" | ");
  if (type && typeof type === "object") {
    const t = type as { type?: string; logicalType?: string; items?: unknown; values?: unknown; symbols?: string[]; name?: string };
    if (t.logicalType) return `${t.type} (${t.logicalType})`;
    if (t.type === "array") return `array<${typeLabel(t.items)}>`;
    if (t.type === "map") return `map<${typeLabel(t.values)}>`;
    if (t.type === "enum") return `enum ${t.name ?? ""} {${(t.symbols ?? []).join(", ")}}`;
    if (t.type === "record") return `record ${t.name ?? ""}`;
    return String(t.type ?? "unknown");
  }
  return "unknown";
}

/** JSON Schema and Protobuf fields, as lib/contracts reads them. */
function FieldsViewer({ format, definition }: { format: SchemaFormat; definition: unknown }) {
  const parsed = parseSchema(format, definitionText(format, definition));
  const fields = parsed.ok ? parsed.schema.fields : [];
  if (fields.length === 0) return <p className="text-sm text-slate-500">This schema declares no fields.</p>;
  return (
    <div className="overflow-x-auto">
      <Table columns={["Field", "Type", ""]}>
        {fields.map((f) => (
          <tr key={f.path}>
            <td className="font-mono text-xs text-slate-900">{f.path}</td>
            <td className="font-mono text-xs text-indigo-700">
              {f.type}
              {f.number !== undefined ? <span className="ml-1 text-slate-400">= {f.number}</span> : null}
            </td>
            <td className="text-xs text-slate-500">{format === "JSON_SCHEMA" ? (f.required ? "required" : "optional") : ""}</td>
          </tr>
        ))}
      </Table>
    </div>
  );
}

/** Fields of a schema as a table: Avro with name, type, nullability and docs; JSON Schema and Protobuf by path. */
export function SchemaViewer({ definition, format = "AVRO" }: { definition: unknown; format?: SchemaFormat }) {
  if (format !== "AVRO") return <FieldsViewer format={format} definition={definition} />;
  const fields = ((definition as { fields?: AvroField[] } | null)?.fields ?? []) as AvroField[];
  if (fields.length === 0) return <p className="text-sm text-slate-500">This schema declares no fields.</p>;
  return (
    <div className="overflow-x-auto">
      <Table columns={["Field", "Type", "Description"]}>
          {fields.map((f) => {
            const nullable = Array.isArray(f.type) && f.type.includes("null");
            return (
              <tr key={f.name}>
                <td className="font-mono text-xs text-slate-900">{f.name}</td>
                <td className="font-mono text-xs text-indigo-700">
                  {typeLabel(nullable ? (f.type as unknown[]).filter((t) => t !== "null") : f.type)}
                  {nullable ? <span className="ml-1 text-slate-400">nullable</span> : null}
                </td>
                <td className="text-slate-600">{f.doc ?? ""}</td>
              </tr>
            );
          })}
      </Table>
    </div>
  );
}

type Version = { version: number; format: SchemaFormat; createdAt: string; definition: unknown };

/** Every published version, newest first; each opens to its own fields. */
export function SchemaVersions({ versions }: { versions: Version[] }) {
  return (
    <div className="mt-3">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Versions</p>
      <ul className="mt-1 divide-y divide-slate-100 rounded-md ring-1 ring-slate-200" aria-label="Schema versions">
        {versions.map((v, i) => {
          const parsed = parseSchema(v.format, definitionText(v.format, v.definition));
          const fields = parsed.ok ? parsed.schema.fields.length : 0;
          return (
            <li key={v.version}>
              <details className="group px-3 py-2">
                <summary className="flex cursor-pointer list-none items-center justify-between gap-2 text-sm">
                  <span>
                    <span className="font-medium text-slate-900">v{v.version}</span>
                    {i === 0 ? <span className="ml-2 rounded bg-emerald-50 px-1.5 py-0.5 text-xs text-emerald-800">current</span> : null}
                    <span className="ml-2 text-slate-500">
                      {formatLabel[v.format]} · {fields} field{fields === 1 ? "" : "s"}
                    </span>
                  </span>
                  <span className="text-xs text-slate-500">{v.createdAt.slice(0, 10)}</span>
                </summary>
                <div className="mt-2">
                  <SchemaViewer definition={v.definition} format={v.format} />
                </div>
              </details>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
