import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { invalid, notFound } from "@/lib/errors";
import { createAclBindings } from "@/lib/kafka";
import { teamTopics } from "@/lib/connect/team-topics";
import { internalTopicBinding, processorErrors } from "./policy";

export const registerProcessorSchema = z.object({
  teamId: z.string().min(1),
  applicationId: z.string().trim().min(1).max(200),
  outputTopics: z.array(z.string().trim().min(1).max(249)).max(20),
});

/**
 * Registers a team's Kafka Streams application: checked by policy, recorded with its audit event, and its
 * internal topics' ACL created in the same transaction's last step (idempotent in Kafka), so a refusal
 * there leaves nothing recorded.
 */
export async function registerProcessor(viewer: Viewer, input: z.output<typeof registerProcessorSchema>): Promise<{ applicationId: string }> {
  assertCan(viewer, { permission: "manage:processor", teamId: input.teamId });
  const principal = await db.kafkaPrincipal.findFirst({ where: { teamId: input.teamId }, orderBy: { createdAt: "asc" }, select: { id: true, principal: true } });
  if (!principal) throw notFound("The team's Kafka principal");
  const errors = processorErrors(input, principal.principal, (await teamTopics(input.teamId)).owned);
  if (errors) throw invalid("The processor is not allowed by policy.", errors);
  return db.$transaction(async (tx) => {
    const row = await tx.processor.upsert({
      where: { applicationId: input.applicationId },
      update: { outputTopics: input.outputTopics },
      create: { applicationId: input.applicationId, teamId: input.teamId, principalId: principal.id, outputTopics: input.outputTopics, createdById: viewer.id },
      select: { applicationId: true, teamId: true },
    });
    if (row.teamId !== input.teamId) throw invalid("Another team registered this application.", { applicationId: "Taken by another team." });
    await recordAudit(tx, { actor: viewer, action: "processor.registered", targetType: "team", targetId: input.teamId, after: { applicationId: input.applicationId, outputTopics: input.outputTopics, principal: principal.principal } });
    await createAclBindings([internalTopicBinding(input.applicationId, principal.principal)]);
    return { applicationId: row.applicationId };
  });
}
