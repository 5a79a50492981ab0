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

/** Fields of an Avro record schema as a table: name, type, nullability and docs. */
export function SchemaViewer({ definition }: { definition: unknown }) {
  const fields = ((definition as { fields?: AvroField[] } | null)?.fields ?? []) as AvroField[];
  if (fields.length === 0) return <p className="text-sm text-slate-500">This schema declares no fields.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">Field</th>
            <th scope="col" className="py-2 pr-4 font-medium">Type</th>
            <th scope="col" className="py-2 font-medium">Description</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {fields.map((f) => {
            const nullable = Array.isArray(f.type) && f.type.includes("null");
            return (
              <tr key={f.name}>
                <td className="py-2 pr-4 font-mono text-xs text-slate-900">{f.name}</td>
                <td className="py-2 pr-4 font-mono text-xs text-indigo-700">
                  {typeLabel(nullable ? (f.type as unknown[]).filter((t) => t !== "null") : f.type)}
                  {nullable ? <span className="ml-1 text-slate-400">nullable</span> : null}
                </td>
                <td className="py-2 text-slate-600">{f.doc ?? ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
