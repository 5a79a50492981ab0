import "server-only";
import { describeTopic, KafkaUnavailableError, type TopicDescription } from "@/lib/kafka";

export type LiveTopic = { ok: true; topic: TopicDescription } | { ok: false; reason: string };

/** Live facts about a topic; when Kafka cannot answer, the reason instead, so pages still render. */
export async function getLiveTopic(topic: string): Promise<LiveTopic> {
  try {
    const described = await describeTopic(topic, { lastMessage: true });
    if (!described) return { ok: false, reason: `Topic ${topic} does not exist in Kafka (yet).` };
    return { ok: true, topic: described };
  } catch (e) {
    const reason =
      e instanceof KafkaUnavailableError ? "Kafka is unreachable right now." : `Kafka could not describe the topic: ${(e as Error).message}`;
    return { ok: false, reason };
  }
}
