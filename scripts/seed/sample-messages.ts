// Plausible messages for a demo schema, as JSON values; scripts/seed/demo-contracts.ts encodes them
// in the Confluent wire format with the port's registered schema.

type Field = { name: string; type: unknown };

const skus = ["SKU-1001", "SKU-1002", "SKU-2040", "SKU-3307", "SKU-4410"];
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

function valueFor(field: Field, i: number, at: number): unknown {
  const type = Array.isArray(field.type) ? field.type.find((t) => t !== "null") : field.type;
  const n = field.name.toLowerCase();
  if (typeof type === "object" && type !== null) {
    const t = type as { type: string; logicalType?: string; symbols?: string[] };
    if (t.symbols) return pick(t.symbols, i);
    if (t.logicalType === "timestamp-millis") return at;
    if (t.logicalType === "date") return Math.floor(at / 86_400_000);
    if (t.logicalType === "decimal") return ((i * 37) % 500 + 9.99).toFixed(2);
  }
  if (n === "sku") return pick(skus, i);
  if (n.endsWith("id")) return `${field.name.replace(/Id$/, "")}-${(10_000 + i).toString(36)}`;
  if (n === "email") return `customer${i}@example.com`;
  switch (type) {
    case "int":
    case "long":
      return (i * 7) % 100;
    case "double":
      return Math.round(((i * 13) % 100) / 10) / 10;
    case "boolean":
      return i % 2 === 0;
    default:
      return `${field.name}-${i}`;
  }
}

export function sampleValue(fields: Field[], i: number, at: number): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f.name, valueFor(f, i, at)]));
}

/** A message for Kafka: `encode` (the port's wire-format encoder) when it has a registered schema, else JSON. */
export function sampleMessage(
  fields: Field[],
  i: number,
  at: number,
  encode?: ((value: Record<string, unknown>) => Buffer) | null,
  tweak?: (value: Record<string, unknown>, i: number) => void,
): { key: string; value: string | Buffer; timestamp: string } {
  const value = sampleValue(fields, i, at);
  tweak?.(value, i);
  const key = String(value[fields[0]!.name]);
  return { key, value: encode ? encode(value) : JSON.stringify(value), timestamp: String(at) };
}

/** The flawed demo product: one order in seven has a negative total. */
export const flaw = (value: Record<string, unknown>, i: number) => {
  if (i % 7 === 3 && "total" in value) value.total = "-5.00";
};
