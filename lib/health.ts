import "server-only";
import { db } from "@/lib/db";
import { checkKafka } from "@/lib/kafka";

/**
 * For load balancers and scripts, which call it without signing in: so it says only
 * "ok" or "unavailable"; the reason (hosts, errors) goes to the server log.
 */
export async function checkHealth() {
  const [database, kafka] = await Promise.all([
    db.$queryRaw`SELECT 1`.then(
      () => "ok" as const,
      (e: unknown) => {
        console.warn(`[health] database: ${(e as Error).message}`);
        return "unavailable" as const;
      },
    ),
    checkKafka().then((k) => {
      if (k.ok) return "ok" as const;
      console.warn(`[health] kafka: ${k.error}`);
      return "unavailable" as const;
    }),
  ]);
  return { database, kafka };
}
