import Link from "next/link";
import type { ProductHealth } from "@/lib/dashboards";
import { Table } from "@/components/ui/table";
import { formatCount } from "./format";

/** One server-side page of a topic's partitions. */
export function PartitionsTable({ partitions, hrefFor }: { partitions: NonNullable<ProductHealth["partitions"]>; hrefFor: (page: number) => string }) {
  const { rows, page, pages, total, topic } = partitions;
  if (total === 0) return <p className="text-sm text-slate-500">The index has not seen {topic} in Kafka yet.</p>;
  return (
    <div className="space-y-3">
      <Table label={`Partitions of ${topic}`} variant="boxed" columns={["Partition", "Leader", "Log start", "Log end", "Retained", "Worst consumer lag"]}>
        {rows.map((r) => (
          <tr key={r.partition}>
            <td>{r.partition}</td>
            <td>{r.leader}</td>
            <td className="font-mono text-xs">{r.start}</td>
            <td className="font-mono text-xs">{r.end}</td>
            <td>{formatCount(r.end - r.start)}</td>
            <td>{r.worstLag === null ? <span className="text-slate-500">no consumer</span> : formatCount(r.worstLag)}</td>
          </tr>
        ))}
      </Table>
      {pages > 1 ? (
        <nav aria-label="Partition pages" className="flex items-center justify-between px-4 pb-3 text-sm">
          {page > 1 ? <Link className="text-indigo-700 hover:underline" href={hrefFor(page - 1)}>← Previous</Link> : <span />}
          <span>
            Page {page} of {pages} · {total} partitions
          </span>
          {page < pages ? <Link className="text-indigo-700 hover:underline" href={hrefFor(page + 1)}>Next →</Link> : <span />}
        </nav>
      ) : null}
    </div>
  );
}
