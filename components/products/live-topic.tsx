import { getLiveTopic } from "@/lib/catalog";
import { Alert } from "@/components/ui/alert";

const fmt = new Intl.NumberFormat("en");

function retention(ms: string | undefined): string {
  if (!ms) return "—";
  const n = Number(ms);
  if (n < 0) return "forever";
  const hours = n / 3_600_000;
  return hours >= 24 && hours % 24 === 0 ? `${hours / 24} days` : `${fmt.format(hours)} hours`;
}

/** Live facts about a topic, read from Kafka on each view; renders a notice when Kafka cannot answer. */
export async function LiveTopic({ topic }: { topic: string }) {
  const live = await getLiveTopic(topic);
  if (!live.ok) {
    return (
      <Alert tone="warning" title="Live data unavailable">
        {live.reason} The details above come from Meshport&apos;s catalog.
      </Alert>
    );
  }
  const t = live.topic;
  const facts: [string, string][] = [
    ["Partitions", String(t.partitions)],
    ["Replication factor", String(t.replicationFactor)],
    ["Retention", retention(t.configs["retention.ms"])],
    ["Cleanup policy", t.configs["cleanup.policy"] ?? "—"],
    ["Messages", fmt.format(t.messageCount)],
    ["Last message", t.lastMessageAt ? new Date(t.lastMessageAt).toLocaleString("en-GB", { timeZone: "UTC" }) + " UTC" : "none yet"],
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-3" data-testid={`live-${topic}`}>
      {facts.map(([k, v]) => (
        <div key={k}>
          <dt className="text-xs text-slate-500">{k}</dt>
          <dd className="text-sm font-medium text-slate-900" data-fact={k}>
            {v}
          </dd>
        </div>
      ))}
    </dl>
  );
}
