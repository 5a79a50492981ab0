// Kafka's state next to the database's, for "the final state in Kafka equals the database's".
import { Kafka } from "kafkajs";
import { db } from "@/lib/db";
import { bindingKey, kafkaConfig, listAcls } from "@/lib/kafka";
import { desiredForPrincipals } from "@/lib/provisioning/desired";

async function withAdmin<T>(fn: (admin: ReturnType<Kafka["admin"]>) => Promise<T>): Promise<T> {
  const admin = new Kafka({ ...kafkaConfig(), clientId: "faults-check" }).admin();
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.disconnect();
  }
}

export type TopicLayout = { topic: string; partitions: number; retentionMs: string; cleanupPolicy: string };

/** The layouts of the topics Kafka has under the prefix. */
export async function kafkaTopics(prefix: string): Promise<TopicLayout[]> {
  return withAdmin(async (admin) => {
    const names = (await admin.listTopics()).filter((t) => t.startsWith(prefix)).sort();
    if (names.length === 0) return [];
    const [{ topics }, configs] = await Promise.all([
      admin.fetchTopicMetadata({ topics: names }),
      admin.describeConfigs({ includeSynonyms: false, resources: names.map((name) => ({ type: 2, name, configNames: ["retention.ms", "cleanup.policy"] })) }),
    ]);
    return names.map((topic) => {
      const c = configs.resources.find((r) => r.resourceName === topic)?.configEntries ?? [];
      return {
        topic,
        partitions: topics.find((t) => t.name === topic)?.partitions.length ?? -1,
        retentionMs: c.find((e) => e.configName === "retention.ms")?.configValue ?? "?",
        cleanupPolicy: c.find((e) => e.configName === "cleanup.policy")?.configValue ?? "?",
      };
    });
  });
}

/** The layouts the database records for the team's live output ports. */
export async function recordedTopics(ownerTeamId: string): Promise<TopicLayout[]> {
  const ports = await db.outputPort.findMany({ where: { dataProduct: { ownerTeamId }, removedAt: null }, orderBy: { topic: "asc" } });
  return ports.map((p) => ({ topic: p.topic, partitions: p.partitions, retentionMs: p.retentionMs.toString(), cleanupPolicy: p.cleanupPolicy }));
}

/** The principal's ACLs in Kafka and those its grants in the database imply, as sorted binding keys. */
export async function aclsOf(principal: string): Promise<{ live: string[]; desired: string[] }> {
  const live = (await listAcls({ principal })).map(bindingKey).sort();
  const desired = [...new Set((await desiredForPrincipals([principal])).map(bindingKey))].sort();
  return { live, desired };
}
