import Link from "next/link";
import type { SubjectDrift as Drift } from "@/lib/contracts";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";

const label = { deleted: "Subject deleted", changed: "Changed outside Meshport", compatibility: "Compatibility changed" } as const;

/** Schema Registry subjects that no longer match what Meshport registered. Reported, never overwritten. */
export function SubjectDriftCard({ result }: { result: { ok: true; drift: Drift[] } | { ok: false; error: string } }) {
  return (
    <Card>
      <CardHeader title="Schema Registry subjects" description="Checked on every visit: each registered port's value subject against what Meshport recorded. Reported only." />
      <CardBody className="overflow-x-auto p-0">
        {!result.ok ? (
          <div className="p-5">
            <Alert tone="warning" title="Could not read the registry">{result.error}</Alert>
          </div>
        ) : result.drift.length === 0 ? (
          <div className="p-5">
            <EmptyState title="No subject drift">Every registered subject matches what Meshport published.</EmptyState>
          </div>
        ) : (
          <Table columns={["What", "Subject", "Product", "Detail"]} label="Subject drift" variant="boxed">
            {result.drift.map((d) => (
              <tr key={`${d.subject}:${d.kind}`}>
                <td>
                  <Badge tone={d.kind === "deleted" ? "rose" : "amber"}>{label[d.kind]}</Badge>
                </td>
                <td className="font-mono text-xs">{d.subject}</td>
                <td className="text-xs">
                  <Link href={`/products/${d.productSlug}`} className="text-indigo-700 hover:underline">
                    {d.productName}
                  </Link>
                </td>
                <td className="text-xs text-slate-600">{d.detail}</td>
              </tr>
            ))}
          </Table>
        )}
      </CardBody>
    </Card>
  );
}
