import "server-only";
import { db, Prisma } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { env } from "@/lib/env";
import { conflict, invalid, notFound } from "@/lib/errors";
import { listConnectorNames, listPlugins, putConnectorConfig, validateConfig } from "./client";
import { withConnect } from "./guard";
import { formFields, validationErrors } from "./plugin-fields";
import { filePathErrors, reservedKeyErrors, sourceTopics, topicPolicyErrors } from "./policy";
import type { createConnectorSchema } from "./schemas";
import { teamTopics } from "./team-topics";
import { connectConfig, redacted, type ClientSecurity } from "./worker-config";
import type { z } from "zod";

type Input = z.output<typeof createConnectorSchema>;

export function clientSecurity(): ClientSecurity {
  if (!env.KAFKA_CONNECT_CREDENTIALS_FILE) {
    throw invalid("This Meshport has no team credentials file for Kafka Connect (KAFKA_CONNECT_CREDENTIALS_FILE), so connectors cannot run as their team.");
  }
  return {
    credentialsFile: env.KAFKA_CONNECT_CREDENTIALS_FILE,
    saslMechanism: (env.KAFKA_SASL_MECHANISM || "scram-sha-512").toUpperCase(),
    securityProtocol: env.KAFKA_SSL ? "SASL_SSL" : "SASL_PLAINTEXT",
  };
}

const split = (list: string) => list.split(",").map((t) => t.trim()).filter(Boolean);

/**
 * Creates a team's connector: Meshport's policy first (topics, reserved settings, files), then Connect's own
 * validation, then the row and its audit event in one transaction whose last step creates the connector in
 * Connect; a refusal there rolls the row back, so nothing is half-written.
 */
export async function createConnector(viewer: Viewer, input: Input): Promise<{ id: string; name: string }> {
  assertCan(viewer, { permission: "manage:connector", teamId: input.teamId });
  const team = await db.team.findUnique({
    where: { id: input.teamId },
    select: { id: true, slug: true, principals: { orderBy: { createdAt: "asc" }, take: 1, select: { id: true, principal: true } } },
  });
  if (!team) throw notFound("Team");
  const principal = team.principals[0];
  if (!principal) throw invalid("Your team has no Kafka principal yet; a platform admin links one on the team's page.", { teamId: "This team has no Kafka principal." });

  const settings = Object.fromEntries(Object.entries(input.config).filter(([, v]) => v.trim() !== ""));
  const refused = reservedKeyErrors(settings) ?? filePathErrors(settings, env.KAFKA_CONNECT_FILE_DIR);
  if (refused) throw invalid("Some settings are not allowed.", refused);
  const topics = input.kind === "SINK" ? split(input.topics) : sourceTopics(settings);
  const topicErrors = topicPolicyErrors(input.kind, topics, await teamTopics(team.id));
  if (topicErrors) {
    const at = input.kind === "SINK" ? topicErrors : { "config.topic": topicErrors.topics! };
    throw invalid("The connector's topics are not allowed by policy.", at);
  }

  const name = `${team.slug}.${input.name}`;
  const config = connectConfig({ name, kind: input.kind, connectorClass: input.connectorClass, topics, principal: principal.principal, settings }, clientSecurity());
  const { validation, taken } = await withConnect("checking the connector", async () => {
    const plugin = (await listPlugins()).find((p) => p.class === input.connectorClass);
    if (!plugin || plugin.type !== input.kind.toLowerCase()) throw invalid("Choose a plugin this Connect cluster has.", { connectorClass: `Not a ${input.kind.toLowerCase()} plugin of this Connect cluster.` });
    return { validation: await validateConfig(input.connectorClass, config), taken: (await listConnectorNames()).includes(name) };
  });
  if (taken) throw conflict("That name is taken.", { name: `${name} already runs in Kafka Connect.` });
  if (validation.error_count > 0) throw invalid("Kafka Connect found problems in the settings.", validationErrors(validation));
  const secretFields = formFields(validation).filter((f) => f.secret && f.name in settings).map((f) => f.name);
  const stored = Object.fromEntries(Object.entries(settings).filter(([k]) => !secretFields.includes(k)));

  try {
    return await db.$transaction(
      async (tx) => {
        const row = await tx.connector.create({
          data: { name, teamId: team.id, principalId: principal.id, kind: input.kind, connectorClass: input.connectorClass, topics, config: stored, secretFields, createdById: viewer.id },
          select: { id: true, name: true },
        });
        await recordAudit(tx, {
          actor: viewer,
          action: "connector.created",
          targetType: "connector",
          targetId: row.id,
          after: { name, kind: input.kind, connectorClass: input.connectorClass, topics, principal: principal.principal, settings: redacted(settings, secretFields) },
        });
        await withConnect("creating the connector", () => putConnectorConfig(name, config));
        return row;
      },
      { timeout: env.KAFKA_CONNECT_TIMEOUT_MS + 5000 },
    );
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw conflict("That name is taken.", { name: `${name} already exists.` });
    throw e;
  }
}
