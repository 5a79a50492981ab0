// The real services, killed and started the way an outage does it: SIGKILL for the JVM services (the
// scripts' `kill` verb), PostgreSQL's fast shutdown then start. The environment is scripts/faults.sh's.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { toolEnv } from "../../../lib/env";
import { startPostgres, stopPostgres } from "../../../scripts/db/pg";

const run = promisify(execFile);

export type JvmService = "kafka" | "registry" | "connect";

async function script(service: JvmService, verb: "kill" | "start" | "status"): Promise<string> {
  const { stdout, stderr } = await run("bash", [`scripts/${service}/${service}.sh`, verb], { timeout: 240_000, env: process.env });
  return `${stdout}${stderr}`;
}

/** SIGKILL: no shutdown hook, no flush, no goodbye to clients. */
export async function killService(service: JvmService): Promise<void> {
  await script(service, "kill");
}

/** SIGSTOP / SIGCONT: a hung process, its sockets open but silent (calls to it wait until their timeouts). */
export function freezeService(service: JvmService, frozen: boolean): void {
  const pidFile = path.resolve(toolEnv.MESHPORT_DATA_DIR, service, `${service}.pid`);
  process.kill(Number(readFileSync(pidFile, "utf8").trim()), frozen ? "SIGSTOP" : "SIGCONT");
}

/** Starts it again and waits until it answers (the scripts' own readiness checks). */
export async function startService(service: JvmService): Promise<void> {
  await script(service, "start");
}

/** `pg_ctl stop -m fast` (every session disconnected, no waiting for clients), then start. */
export async function stopPostgresFast(): Promise<void> {
  if (!(await stopPostgres(embedded()))) throw new Error("the embedded PostgreSQL was not running");
}

export async function startPostgresAgain(): Promise<void> {
  const { action } = await startPostgres(embedded());
  if (action !== "started") throw new Error(`the embedded PostgreSQL did not start (${action})`);
}

/** The suite's own embedded server: pg.ts leaves a DATABASE_URL alone, and this process has one set. */
const embedded = (): NodeJS.ProcessEnv => ({ ...process.env, DATABASE_URL: undefined });

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until `done` holds (or throws with the last value after `timeoutMs`). */
export async function waitFor<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 120_000, everyMs = 1000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (done(last)) return last;
    } catch (e) {
      lastError = e;
    }
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value ${JSON.stringify(last)}${lastError ? `, last error ${String(lastError)}` : ""}`);
}
