import { LineCounter, parseDocument, isMap, isSeq, type Node } from "yaml";

// Line and column of a path inside a JSON text. JSON is YAML 1.2, and the `yaml` package keeps each
// node's offset, so one library serves both the ODCS/ODPS import and schema errors.

export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < Math.min(offset, text.length); i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/** Position of the deepest node along `path` that exists (the whole text when none does). */
export function positionOf(text: string, path: (string | number)[]): { line: number; column: number } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, keepSourceTokens: false });
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (const key of path) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (pair) {
        offset = (pair.key as Node).range?.[0] ?? offset;
        next = pair.value;
      }
    } else if (isSeq(node) && typeof key === "number") {
      next = node.items[key];
      if (next) offset = (next as Node).range?.[0] ?? offset;
    }
    if (!next) break;
    node = next;
  }
  const pos = counter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** JSON.parse with the failure placed at its line and column. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string; line: number; column: number } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const lc = /line (\d+) column (\d+)/.exec(message);
    const where = lc ? { line: Number(lc[1]), column: Number(lc[2]) } : lineColumnAt(text, at ? Number(at[1]) : text.length);
    return { ok: false, message: `Not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, "")}`, ...where };
  }
}
