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
    <div className="space-y-3" data-testid={`live-${topic}`}>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-3">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt className="text-xs text-slate-500">{k}</dt>
            <dd className="text-sm font-medium text-slate-900" data-fact={k}>
              {v}
            </dd>
          </div>
        ))}
      </dl>
      <details className="text-sm">
        <summary className="cursor-pointer text-xs font-medium text-indigo-700 hover:underline">Partitions and offsets</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="min-w-full text-left text-xs">
            <caption className="sr-only">Partitions of {topic}</caption>
            <thead className="uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="py-1.5 pr-4 font-medium">Partition</th>
                <th scope="col" className="py-1.5 pr-4 font-medium">Leader</th>
                <th scope="col" className="py-1.5 pr-4 font-medium">Replicas / in sync</th>
                <th scope="col" className="py-1.5 pr-4 text-right font-medium">Start offset</th>
                <th scope="col" className="py-1.5 text-right font-medium">End offset</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 font-mono">
              {t.partitionDetails.map((p) => (
                <tr key={p.partition}>
                  <td className="py-1.5 pr-4">{p.partition}</td>
                  <td className="py-1.5 pr-4">{p.leader}</td>
                  <td className="py-1.5 pr-4">
                    {p.replicas.length} / {p.isr.length}
                  </td>
                  <td className="py-1.5 pr-4 text-right">{p.startOffset}</td>
                  <td className="py-1.5 text-right">{p.endOffset}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
