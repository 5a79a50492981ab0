// npm run bench:lighthouse — what Google Lighthouse scores on the pages users open most, signed in.
//
// Pages: the catalog (/catalog), a demo product (/products/orders, Sales' Orders) and the access page (/access),
// signed in as Sam Rivera (Sales maintainer: the access page has requests to decide). Profiles: Lighthouse's default
// (mobile: a mid-range phone, 4x CPU slowdown, slow 4G) and its desktop config. Each page and profile is audited
// LIGHTHOUSE_RUNS times (3), each in a fresh headless Chromium; the table shows the medians, metric by metric.
// The last line is machine-readable. The last run's reports are kept in bench/.out/lighthouse/ (the audits behind a
// score: unused-javascript, largest-contentful-paint-element, render-blocking-resources…).
// A benchmark, not a test: it asserts nothing about the figures. They depend on the machine (CPU shared with
// other work changes them), so compare runs made on the same machine.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Config, type RunnerResult } from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { toolEnv } from "../../lib/env";
import { signIn } from "../support/sign-in";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const OUT = path.join(REPO, "bench/.out/lighthouse");
const USER = "sam@example.com";
const PAGES = [
  { name: "catalog", path: "/catalog" },
  { name: "product", path: "/products/orders" },
  { name: "access", path: "/access" },
] as const;
const PROFILES: { name: "mobile" | "desktop"; config?: Config }[] = [
  { name: "mobile" }, // Lighthouse's default config is the mobile profile
  { name: "desktop", config: desktopConfig },
];
const CATEGORIES = ["performance", "accessibility", "best-practices"];

type Figures = { perf: number; a11y: number; bp: number; lcpMs: number; tbtMs: number; totalKiB: number; unusedJsKiB: number };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function answers(url: string, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

/** `next start` of the production build in MESHPORT_DIST_DIR, with the local stack's environment (scripts/local-stack.sh). */
async function startServer(port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    cwd: REPO,
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (!(await answers(`http://localhost:${port}/api/health`, 60_000))) {
    server.kill();
    throw new Error(`next start on port ${port} did not answer /api/health in 60 s (is the port taken? set LIGHTHOUSE_PORT)`);
  }
  return server;
}

function figures(lhr: RunnerResult["lhr"]): Figures {
  const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
  const audit = (a: string) => lhr.audits[a];
  const unused = audit("unused-javascript")?.details as { overallSavingsBytes?: number } | undefined;
  return {
    perf: score("performance"),
    a11y: score("accessibility"),
    bp: score("best-practices"),
    lcpMs: audit("largest-contentful-paint")?.numericValue ?? NaN,
    tbtMs: audit("total-blocking-time")?.numericValue ?? NaN,
    totalKiB: (audit("total-byte-weight")?.numericValue ?? NaN) / 1024,
    unusedJsKiB: (unused?.overallSavingsBytes ?? 0) / 1024,
  };
}

/** Lighthouse now and then fails to record a trace (NO_NAVSTART, NO_FCP on a busy machine): such a run is made again, twice at most. */
async function audit(url: string, cookie: string, config: Config | undefined): Promise<RunnerResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await auditOnce(url, cookie, config);
    } catch (e) {
      if (!(e instanceof LighthouseRuntimeError) || attempt === 3) throw e;
      process.stderr.write(`  ${e.message}; again\n`);
    }
  }
}

class LighthouseRuntimeError extends Error {}

async function auditOnce(url: string, cookie: string, config: Config | undefined): Promise<RunnerResult> {
  const chrome = await chromeLauncher.launch({ chromePath: toolEnv.CHROMIUM_PATH, chromeFlags: ["--headless=new", "--no-sandbox"] });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES, extraHeaders: { Cookie: cookie } },
      config,
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (result.lhr.runtimeError) throw new LighthouseRuntimeError(`Lighthouse on ${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    // Signed out, the page would redirect to /signin and the figures would be the sign-in page's.
    if (new URL(result.lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) throw new Error(`${url} ended on ${result.lhr.finalDisplayedUrl} (not signed in?)`);
    return result;
  } finally {
    await chrome.kill();
  }
}

async function main() {
  let server: ChildProcess | undefined;
  let base = toolEnv.LIGHTHOUSE_URL?.replace(/\/$/, "");
  if (base) {
    if (!(await answers(`${base}/api/health`, 5_000))) throw new Error(`${base} does not answer: start Meshport there (\`npm run demo\`), or unset LIGHTHOUSE_URL`);
  } else {
    base = `http://localhost:${toolEnv.LIGHTHOUSE_PORT}`;
    server = await startServer(toolEnv.LIGHTHOUSE_PORT);
  }
  try {
    const cookie = await signIn(base, USER);
    mkdirSync(OUT, { recursive: true });
    const rows: { page: string; profile: string; f: Figures }[] = [];
    for (const profile of PROFILES) {
      for (const page of PAGES) {
        const runs: Figures[] = [];
        for (let i = 0; i < toolEnv.LIGHTHOUSE_RUNS; i++) {
          const result = await audit(`${base}${page.path}`, cookie, profile.config);
          runs.push(figures(result.lhr));
          writeFileSync(path.join(OUT, `${page.name}-${profile.name}.json`), result.report as string);
          process.stderr.write(`  ${profile.name} ${page.name} run ${i + 1}: performance ${runs.at(-1)!.perf}\n`);
        }
        const f = Object.fromEntries(Object.keys(runs[0]!).map((k) => [k, median(runs.map((r) => r[k as keyof Figures]))])) as Figures;
        rows.push({ page: page.name, profile: profile.name, f });
      }
    }
    print(base, rows);
  } finally {
    server?.kill();
  }
}

function print(base: string, rows: { page: string; profile: string; f: Figures }[]) {
  const cols = ["profile", "page", "perf", "a11y", "best-pr", "LCP s", "TBT ms", "total KiB", "unused JS KiB"];
  const line = (cells: (string | number)[]) => cells.map((c, i) => String(c).padStart(i < 2 ? 8 : cols[i]!.length)).join("  ");
  console.log(`Lighthouse ${toolEnv.LIGHTHOUSE_RUNS} runs per page and profile, medians; ${base}, signed in as ${USER}`);
  console.log(line(cols));
  for (const { page, profile, f } of rows) {
    console.log(line([profile, page, f.perf, f.a11y, f.bp, (f.lcpMs / 1000).toFixed(1), Math.round(f.tbtMs), Math.round(f.totalKiB), Math.round(f.unusedJsKiB)]));
  }
  const of = (profile: string, pick: (f: Figures) => number) => rows.filter((r) => r.profile === profile).map((r) => pick(r.f));
  const summary = PROFILES.flatMap(({ name }) => [
    `lighthouse_${name}_perf_min=${Math.min(...of(name, (f) => f.perf))}`,
    `lighthouse_${name}_a11y_min=${Math.min(...of(name, (f) => f.a11y))}`,
    `lighthouse_${name}_bp_min=${Math.min(...of(name, (f) => f.bp))}`,
    `lighthouse_${name}_lcp_max_ms=${Math.round(Math.max(...of(name, (f) => f.lcpMs)))}`,
    `lighthouse_${name}_total_kib_max=${Math.round(Math.max(...of(name, (f) => f.totalKiB)))}`,
  ]);
  console.log(summary.join(" "));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
