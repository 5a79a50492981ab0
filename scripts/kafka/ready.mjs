// Waits until a broker answers an authenticated admin request, or gives up.
// Usage: node scripts/kafka/ready.mjs <env-file> [timeout-seconds] [pid]
// Plain ESM (no tsx) so each call costs ~0.2 s; kafka.sh uses it for `start` and `status`.
import { readFileSync, existsSync } from "node:fs";
import kafkajs from "kafkajs";

const { Kafka, logLevel } = kafkajs;
const [envFile, timeoutArg = "0", pidArg] = process.argv.slice(2);
if (!envFile) {
  console.error("usage: ready.mjs <env-file> [timeout-seconds] [pid]");
  process.exit(2);
}

// The env file is `export A=b C=d` lines written by kafka.sh; values never contain spaces or quotes.
const vars = {};
for (const m of readFileSync(envFile, "utf8").matchAll(/([A-Z_]+)=([^\s]*)/g)) vars[m[1]] = m[2];

const deadline = Date.now() + Number(timeoutArg) * 1000;
const alive = () => {
  if (!pidArg) return true;
  try {
    process.kill(Number(pidArg), 0);
    return true;
  } catch {
    return false;
  }
};

const kafka = new Kafka({
  clientId: "meshport-ready",
  brokers: vars.KAFKA_BROKERS.split(","),
  sasl: { mechanism: vars.KAFKA_SASL_MECHANISM, username: vars.KAFKA_SASL_USERNAME, password: vars.KAFKA_SASL_PASSWORD },
  connectionTimeout: 1000,
  requestTimeout: 2000,
  retry: { retries: 0 },
  logLevel: logLevel.NOTHING,
});

let lastError = "no attempt";
for (;;) {
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    // Ready means consumers can join groups too: finding a coordinator makes a fresh broker
    // create __consumer_offsets now, rather than failing the first consumer that tries.
    await admin.describeGroups(["meshport-ready"]);
    await admin.disconnect();
    console.log(`ready: ${cluster.brokers.length} broker(s), controller ${cluster.controller}, cluster ${cluster.clusterId}`);
    process.exit(0);
  } catch (e) {
    lastError = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    await admin.disconnect().catch(() => {});
  }
  if (Date.now() >= deadline || !alive() || (pidArg && !existsSync(`/proc/${pidArg}`))) break;
  await new Promise((r) => setTimeout(r, 500));
}
console.error(`not ready: ${lastError}`);
process.exit(1);
