import "server-only";
import { db } from "@/lib/db";
import { checkKafka } from "@/lib/kafka";

export async function checkHealth() {
  const [database, kafka] = await Promise.all([
    db.$queryRaw`SELECT 1`.then(() => "ok" as const, (e: unknown) => `error: ${(e as Error).message}`),
    checkKafka().then((k) => (k.ok ? ("ok" as const) : `error: ${k.error}`)),
  ]);
  return { database, kafka };
}
