// The simulated users of the load benchmark. Consumers browse the catalog, search as they type,
// open products and now and then request access for their team; owners open their inbox and
// approve what was asked of them. Each step waits the think time first, as a person reads.
import { performance } from "node:perf_hooks";
import { callAction, get, type Recorder } from "./http";

export type Requestable = { id: string; slug: string; ownerTeamId: string };
export type Consumer = { email: string; cookie: string; teamId: string };

export type World = {
  base: string;
  rec: Recorder;
  until: number;
  thinkMs: number;
  consumers: Consumer[];
  /** Synthetic owners' cookies by the team they maintain. */
  ownerCookie: Map<string, string>;
  /** Products a consumer may ask for (active, no personal data, not restricted), taken once each per team. */
  requestable: Requestable[];
  requestActionId: string;
  approveActionId: string;
  /** Requests waiting for their owner: (request id, owning team). */
  pending: { requestId: string; ownerTeamId: string }[];
  /** The search texts users typed, for the raw SQL measure. */
  typed: string[];
  requested: number;
  approved: number;
};

const WORDS = ["orders", "payments", "stock levels", "refunds", "shipments", "warehouse", "customer segments", "fraud scores", "invoices", "daily", "real-time", "promotions", "invnetory", "paymnets"];
const BROWSE = ["", "sort=updated", "sort=consumers", "page=2", "page=7", "tag=gdpr", "lifecycle=ACTIVE", "classification=INTERNAL&sort=name"];
const pick = <T,>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const think = (w: World) => sleep(w.thinkMs * (0.5 + Math.random()));
/** Keystrokes: the search box fires once per pause in typing (debounced), about every 200 ms while typing. */
const KEYSTROKE_MS = 200;
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);

async function typeSearch(w: World, cookie: string): Promise<string[]> {
  const word = pick(WORDS);
  let slugs: string[] = [];
  // From the second character on, every prefix, as the box sends it.
  for (let n = 2; n <= word.length && performance.now() < w.until; n++) {
    const q = word.slice(0, n);
    w.typed.push(q);
    const t0 = performance.now();
    const { ok, body } = await get(w.rec, "GET /api/search?q=…", `${w.base}/api/search?q=${encodeURIComponent(q)}`, cookie);
    if (ok) slugs = (JSON.parse(body) as { items: { slug: string }[] }).items.map((i) => i.slug);
    await sleep(Math.max(0, KEYSTROKE_MS - (performance.now() - t0)));
  }
  return slugs;
}

export async function consumer(w: World, me: Consumer): Promise<void> {
  while (performance.now() < w.until) {
    await get(w.rec, "GET /catalog", `${w.base}/catalog${(() => { const b = pick(BROWSE); return b ? `?${b}` : ""; })()}`, me.cookie);
    await think(w);
    const slugs = await typeSearch(w, me.cookie);
    await think(w);
    if (slugs.length > 0) {
      await get(w.rec, "GET /products/[slug]", `${w.base}/products/${pick(slugs)}`, me.cookie);
      await think(w);
    }
    if (Math.random() < 0.25) await requestAccess(w, me);
  }
}

async function requestAccess(w: World, me: Consumer) {
  // A product no one has asked for yet: each (product, team) may have one pending request.
  const i = w.requestable.findIndex((p) => p.ownerTeamId !== me.teamId);
  if (i < 0 || performance.now() >= w.until) return;
  const [product] = w.requestable.splice(i, 1);
  await get(w.rec, "GET /products/[slug]", `${w.base}/products/${product!.slug}`, me.cookie);
  await think(w);
  const result = await callAction(w.rec, "POST requestAccess (action)", w.base, `/products/${product!.slug}`, w.requestActionId, [
    { dataProductId: product!.id, consumerTeamId: me.teamId, purpose: "Load benchmark: dashboards for the team's weekly review.", accessUntil: inDays(60), note: "" },
  ], me.cookie);
  const requestId = (result?.data as { requestId?: string } | undefined)?.requestId;
  if (requestId) {
    w.requested++;
    w.pending.push({ requestId, ownerTeamId: product!.ownerTeamId });
  }
}

export async function owner(w: World, cookies: string[]): Promise<void> {
  while (performance.now() < w.until) {
    const next = w.pending.shift();
    const cookie = next ? w.ownerCookie.get(next.ownerTeamId)! : pick(cookies);
    await get(w.rec, "GET /access", `${w.base}/access`, cookie);
    await think(w);
    if (!next) continue;
    await get(w.rec, "GET /access/[id]", `${w.base}/access/${next.requestId}`, cookie);
    await think(w);
    const result = await callAction(w.rec, "POST decideAccessRequest (action)", w.base, `/access/${next.requestId}`, w.approveActionId, [
      { requestId: next.requestId, decision: "APPROVE", reason: "Fine for the load benchmark." },
    ], cookie);
    if (result) w.approved++;
  }
}
