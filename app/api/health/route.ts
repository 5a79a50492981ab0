import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

/** For load balancers and scripts: 200 when the database answers; Kafka is reported, not required. */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.database === "ok" ? 200 : 503 });
}
