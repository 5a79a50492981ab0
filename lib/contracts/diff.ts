import type { FieldModel, ParsedSchema } from "./model";

// The semantic diff between two versions of a schema, in words. Renames are recognised where the
// format says so: an Avro alias naming the old field, a Protobuf field keeping its number.

export type ChangeKind =
  | "added"
  | "removed"
  | "renamed"
  | "type-changed"
  | "default-changed"
  | "optionality-changed"
  | "symbols-added"
  | "symbols-removed"
  | "number-changed";

export type SchemaChange = { kind: ChangeKind; path: string; before?: FieldModel; after?: FieldModel; words: string };

const show = (v: unknown) => JSON.stringify(v);
const parentOf = (path: string) => path.slice(0, path.lastIndexOf(".") + 1);

export function diffSchemas(before: ParsedSchema, after: ParsedSchema): SchemaChange[] {
  const changes: SchemaChange[] = [];
  const old = new Map(before.fields.map((f) => [f.path, f]));
  const now = new Map(after.fields.map((f) => [f.path, f]));
  const renamedFrom = new Map<string, string>(); // new path → old path

  for (const f of after.fields) {
    if (old.has(f.path)) continue;
    const parent = parentOf(f.path);
    const viaAlias = f.aliases.map((a) => `${parent}${a}`).find((p) => old.has(p) && !now.has(p));
    const viaNumber =
      f.number !== undefined
        ? before.fields.find((o) => o.number === f.number && parentOf(o.path) === parent && !now.has(o.path))?.path
        : undefined;
    const from = viaAlias ?? viaNumber;
    if (from) renamedFrom.set(f.path, from);
  }
  const renamedOld = new Set(renamedFrom.values());

  for (const f of before.fields) {
    if (!now.has(f.path) && !renamedOld.has(f.path)) {
      changes.push({ kind: "removed", path: f.path, before: f, words: `Field ${f.path} (${f.type}) was removed.` });
    }
  }
  for (const f of after.fields) {
    const fromPath = renamedFrom.get(f.path);
    const o = old.get(f.path) ?? (fromPath ? old.get(fromPath) : undefined);
    if (!o) {
      changes.push({
        kind: "added",
        path: f.path,
        after: f,
        words: `Field ${f.path} (${f.type}) was added${f.hasDefault ? ` with default ${show(f.default)}` : f.required ? ", required, without a default" : ", optional"}.`,
      });
      continue;
    }
    if (fromPath) {
      changes.push({
        kind: "renamed",
        path: f.path,
        before: o,
        after: f,
        words: `Field ${fromPath} was renamed to ${f.path}${f.number !== undefined ? ` (same field number ${f.number})` : " (the old name is kept as an alias)"}.`,
      });
    }
    if (o.number !== undefined && f.number !== undefined && o.number !== f.number) {
      changes.push({ kind: "number-changed", path: f.path, before: o, after: f, words: `Field ${f.path} changed its number from ${o.number} to ${f.number}.` });
    }
    if (o.type !== f.type) {
      changes.push({ kind: "type-changed", path: f.path, before: o, after: f, words: `Field ${f.path} changed type from ${o.type} to ${f.type}.` });
    } else if (o.required !== f.required) {
      changes.push({
        kind: "optionality-changed",
        path: f.path,
        before: o,
        after: f,
        words: `Field ${f.path} became ${f.required ? "required" : "optional"}.`,
      });
    }
    if (o.hasDefault !== f.hasDefault || show(o.default) !== show(f.default)) {
      changes.push({
        kind: "default-changed",
        path: f.path,
        before: o,
        after: f,
        words: f.hasDefault
          ? o.hasDefault
            ? `Default of ${f.path} changed from ${show(o.default)} to ${show(f.default)}.`
            : `Field ${f.path} got the default ${show(f.default)}.`
          : `Field ${f.path} lost its default ${show(o.default)}.`,
      });
    }
    if (o.symbols && f.symbols) {
      const added = f.symbols.filter((s) => !o.symbols!.includes(s));
      const removed = o.symbols.filter((s) => !f.symbols!.includes(s));
      if (added.length) changes.push({ kind: "symbols-added", path: f.path, before: o, after: f, words: `Field ${f.path} allows new values: ${added.join(", ")}.` });
      if (removed.length) changes.push({ kind: "symbols-removed", path: f.path, before: o, after: f, words: `Field ${f.path} no longer allows: ${removed.join(", ")}.` });
    }
  }
  return changes;
}
