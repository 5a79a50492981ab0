// Meshport instances as a deployment runs them: `next start` on the production build, each its own
// process (and background worker), all on one database. Killed with SIGKILL, or stopped.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { toolEnv } from "../../../lib/env";
import { sleep } from "./services";

export type Portal = { name: string; url: string; pid: number; log: string; kill: () => Promise<void>; stop: () => Promise<void> };

const running = new Set<ChildProcess>();

/** Instance `index` (0, 1, …) listens on MESHPORT_FAULTS_APP_PORT + index. */
export async function startPortal(index: number, env: Record<string, string> = {}): Promise<Portal> {
  const port = Number(process.env.MESHPORT_FAULTS_APP_PORT ?? 3140) + index;
  const url = `http://localhost:${port}`;
  const name = `portal-${index}`;
  const log = path.resolve(toolEnv.MESHPORT_DATA_DIR, `${name}.log`);
  const out = createWriteStream(log, { flags: "a" });
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: { ...process.env, MESHPORT_INDEX_INTERVAL_SECONDS: "5", ...env },
    // Its own process group, so a kill takes whatever next start forked with it.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, sig);
    } catch {
      /* gone already */
    }
    await Promise.race([exited, sleep(15_000)]);
    running.delete(child);
  };
  const portal: Portal = { name, url, pid: child.pid!, log, kill: () => signal("SIGKILL"), stop: () => signal("SIGTERM") };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see ${log}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return portal;
    await sleep(500);
  }
  await portal.kill();
  throw new Error(`${name} did not answer /api/health in 90 s; see ${log}`);
}

/** For afterAll: no instance outlives its test file. */
export async function stopAllPortals(): Promise<void> {
  for (const child of running) {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      /* gone */
    }
  }
  running.clear();
}
