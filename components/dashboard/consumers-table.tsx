import Link from "next/link";
import type { HealthConsumer } from "@/lib/dashboards";
import { Badge } from "@/components/ui/badge";
import { Table } from "@/components/ui/table";
import { formatAge, formatCount, formatRate } from "./format";

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "no end date");

export function ConsumersTable({ consumers }: { consumers: HealthConsumer[] }) {
  if (consumers.length === 0) return <p className="text-sm text-slate-500">No consumer group has committed offsets on this product yet.</p>;
  return (
    <Table label="Consumer groups" variant="boxed" columns={["Group", "Team", "Lag", "Time lag", "Rate", "Last commit seen", "Grant"]}>
      {consumers.map((c) => (
        <tr key={`${c.group}:${c.topic}`} data-testid={`consumer-group-${c.group}`}>
          <td>
            <p className="font-mono text-xs">{c.group}</p>
            <p className="text-xs text-slate-500">
              {c.state} · {c.members} member{c.members === 1 ? "" : "s"}
            </p>
          </td>
          <td>{c.team ?? <Badge tone="amber">No team</Badge>}</td>
          <td className={c.lag > 0 ? "text-amber-800" : undefined}>
            {formatCount(c.lag)} msg
            {c.lag > 0 ? <p className="text-xs text-slate-500">worst: partition {c.worstPartition}</p> : null}
          </td>
          <td>{formatAge(c.timeLagSeconds)}</td>
          <td className="whitespace-nowrap">{formatRate(c.consumeRate)}</td>
          <td className="whitespace-nowrap text-xs">{c.lastCommitAt ? `${c.lastCommitAt.replace("T", " ").slice(0, 16)} UTC` : "not since the index started"}</td>
          <td className="text-xs">
            {c.grant ? (
              c.grant.requestId ? (
                <Link href={`/access/${c.grant.requestId}`} className="text-indigo-700 hover:underline">
                  until {day(c.grant.validUntil)}
                </Link>
              ) : (
                `until ${day(c.grant.validUntil)}`
              )
            ) : (
              <span className="text-slate-500">none (owner or ungranted group)</span>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}
