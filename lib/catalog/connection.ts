import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { teamIds, type Viewer } from "@/lib/auth";

/** What a consumer needs to connect, minus secrets: those stay placeholders in every snippet. */
export type ConnectionSettings = {
  bootstrap: string;
  /** Kafka's name for it (SCRAM-SHA-512, PLAIN, …); null when the cluster has no SASL. */
  saslMechanism: string | null;
  ssl: boolean;
  /** The viewer's teams and the Kafka user name each team's applications use. */
  principals: { teamName: string; username: string }[];
};

export async function connectionSettings(viewer: Viewer): Promise<ConnectionSettings> {
  const rows = await db.kafkaPrincipal.findMany({
    where: { teamId: { in: teamIds(viewer) } },
    orderBy: [{ team: { name: "asc" } }, { createdAt: "asc" }],
    select: { principal: true, team: { select: { name: true } } },
  });
  return {
    bootstrap: env.KAFKA_PUBLIC_BOOTSTRAP || env.KAFKA_BROKERS,
    saslMechanism: env.KAFKA_SASL_MECHANISM ? env.KAFKA_SASL_MECHANISM.toUpperCase() : null,
    ssl: env.KAFKA_SSL,
    principals: rows.map((r) => ({ teamName: r.team.name, username: r.principal.replace(/^User:/, "") })),
  };
}
