// HTTP for the load benchmark: signing in (bench/support/sign-in.ts), timed requests, Next server
// actions called as a browser calls them, and each request's outcome recorded under a name.
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";

export { signIn } from "../support/sign-in";

export type Sample = { name: string; ms: number; ok: boolean; detail?: string };

export class Recorder {
  readonly samples: Sample[] = [];
  readonly failures = new Map<string, number>();
  record(s: Sample) {
    this.samples.push(s);
    if (!s.ok) {
      const key = `${s.name}: ${s.detail ?? "?"}`;
      this.failures.set(key, (this.failures.get(key) ?? 0) + 1);
    }
  }
}


/** fetch's "fetch failed" with what failed underneath (ECONNRESET, a timeout…). */
const failure = (e: unknown) => {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return `${(e as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ""}`;
};

/** GET a page or endpoint; the body is read to the end (what a browser waits for). */
export async function get(rec: Recorder, name: string, url: string, cookie: string): Promise<{ ok: boolean; body: string }> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
    const body = await res.text();
    const ok = res.status === 200;
    rec.record({ name, ms: performance.now() - t0, ok, detail: ok ? undefined : `HTTP ${res.status} ${url}` });
    return { ok, body };
  } catch (e) {
    rec.record({ name, ms: performance.now() - t0, ok: false, detail: `${failure(e)} ${url}` });
    return { ok: false, body: "" };
  }
}

/**
 * A server action by its exported name and the page that imports it, its id read from the build's
 * server-reference manifest, as the browser finds it in the page's JavaScript.
 */
export function actionId(distDir: string, page: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string; filename?: string }>;
  };
  const ids = Object.entries(manifest.node).filter(([, e]) => e.exportedName === exportedName && `app${page}` in e.workers);
  if (ids.length !== 1) throw new Error(`server action ${exportedName} on ${page}: ${ids.length} ids in ${distDir}'s manifest`);
  return ids[0]![0];
}

/**
 * POSTs a server action to the page it runs on (the Next-Action protocol: the id in a header,
 * the arguments JSON-encoded) and reads its ActionResult from the React Server Components answer.
 */
export async function callAction(
  rec: Recorder,
  name: string,
  base: string,
  pagePath: string,
  id: string,
  args: unknown[],
  cookie: string,
): Promise<Record<string, unknown> | null> {
  const t0 = performance.now();
  try {
    const res = await fetch(`${base}${pagePath}`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie, "next-action": id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", origin: base },
      body: JSON.stringify(args),
    });
    const body = await res.text();
    const ms = performance.now() - t0;
    // The flight answer's row 1 is the action's return value: {"ok":true,"data":…} or {"ok":false,…}.
    const line = body.split("\n").find((l) => l.startsWith('1:{"ok"'));
    const result = line ? (JSON.parse(line.slice(2)) as Record<string, unknown>) : null;
    const ok = res.status === 200 && result?.ok === true;
    rec.record({ name, ms, ok, detail: ok ? undefined : `HTTP ${res.status} ${result ? JSON.stringify(result).slice(0, 160) : body.slice(0, 160)}` });
    return ok ? result : null;
  } catch (e) {
    rec.record({ name, ms: performance.now() - t0, ok: false, detail: failure(e) });
    return null;
  }
}
