import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { membershipIn } from "@/lib/auth";
import { listOrganisation } from "@/lib/organisation";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { title } from "@/components/catalog/labels";
import { outageAware } from "@/components/layout/outage-aware";

export const metadata: Metadata = { title: "Teams" };

async function TeamsPage() {
  const viewer = await requireViewer("/teams");
  const { teams } = await listOrganisation();
  const sorted = [...teams].sort((a, b) => Number(Boolean(membershipIn(viewer, b.id))) - Number(Boolean(membershipIn(viewer, a.id))));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Teams</h1>
        <p className="mt-1 text-sm text-slate-600">Who owns which data. Maintainers manage their team&apos;s members on its page.</p>
      </div>
      <Card>
        <CardBody className="overflow-x-auto">
          <Table label="Teams" columns={["Team", "Domain", "Topic prefixes", "Members", "You"]}>
            {sorted.map((t) => {
              const mine = membershipIn(viewer, t.id);
              return (
                <tr key={t.id}>
                  <td><Link className="font-medium text-indigo-700 hover:underline" href={`/teams/${t.slug}`}>{t.name}</Link></td>
                  <td>{t.domain.name}</td>
                  <td className="font-mono text-xs">{t.topicPrefixes.map((p) => p.prefix).join(", ") || `${t.domain.slug}.`}</td>
                  <td>{t._count.memberships}</td>
                  <td>{mine ? <Badge tone="indigo">{title(mine.role)}</Badge> : null}</td>
                </tr>
              );
            })}
          </Table>
        </CardBody>
      </Card>
    </div>
  );
}
export default outageAware(TeamsPage);
