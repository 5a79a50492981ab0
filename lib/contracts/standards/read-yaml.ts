import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { positionOf } from "../positions";

// A YAML file checked against a zod schema, every problem placed at its line and column.

export type FileIssue = { message: string; line: number; column: number };
export type Read<T> = { ok: true; value: T } | { ok: false; issues: FileIssue[] };

const MAX_ISSUES = 20;

export function readYaml<S extends z.ZodType>(text: string, schema: S): Read<z.output<S>> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.slice(0, MAX_ISSUES).map((e) => {
        const at = e.linePos?.[0] ?? counter.linePos(e.pos[0]);
        return { message: `Not valid YAML: ${e.message.split("\n")[0]}`, line: at.line, column: at.col };
      }),
    };
  }
  const value: unknown = doc.toJS({ maxAliasCount: 50 });
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.slice(0, MAX_ISSUES).map((issue) => {
      const path = issue.path.filter((k): k is string | number => typeof k !== "symbol");
      const keys = issue.code === "unrecognized_keys" ? [...path, issue.keys[0]!] : path;
      const where = path.length > 0 ? ` (at ${path.join(".")})` : "";
      return { message: `${issue.message}${where}`, ...positionOf(text, keys) };
    }),
  };
}

/** An issue at a path of the file, for checks made after the schema (units, ranges, links). */
export const issueAt = (text: string, path: (string | number)[], message: string): FileIssue => ({ message, ...positionOf(text, path) });
