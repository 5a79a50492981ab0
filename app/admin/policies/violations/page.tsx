import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth";
import { requireViewer } from "@/lib/auth/session";
import { countViolatingProducts, latestPolicyVersion, listPolicyViolations } from "@/lib/governance";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { outageAware } from "@/components/layout/outage-aware";

export const metadata: Metadata = { title: "Policy violations" };

const FIELDS: Record<string, string> = {
  partitions: "Partitions",
  replicationFactor: "Replication factor",
  retentionHours: "Retention",
  classification: "Classification",
  tags: "Tags",
  compatibility: "Schema compatibility",
};

/** Products and ports that break the policies in force, typically after a policy was tightened. Listed, never changed. */
async function PolicyViolationsPage() {
  const viewer = await requireViewer("/admin/policies/violations");
  if (!can(viewer, { permission: "manage:policies" })) notFound();
  const [violations, version] = await Promise.all([listPolicyViolations(viewer), latestPolicyVersion()]);
  const products = countViolatingProducts(violations);
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/admin/policies" className="text-indigo-700 hover:underline">
            ← Policies
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Policy violations</h1>
        <p className="mt-1 text-sm text-slate-600">
          Live products that break the policies in force{version ? ` (version ${version.number})` : ""}: {products} product{products === 1 ? "" : "s"},{" "}
          {violations.length} rule{violations.length === 1 ? "" : "s"} broken. Meshport changes none of them; their owners fix them by editing the
          product, and the same checks then apply.
        </p>
      </div>
      <Card>
        <CardBody className="overflow-x-auto p-0">
          {violations.length === 0 ? (
            <div className="p-5">
              <EmptyState title="Every live product complies" />
            </div>
          ) : (
            <Table label="Violations" columns={["Product", "Team", "Port (topic)", "Concerns", "Rule broken"]} variant="boxed">
              {violations.map((v, i) => (
                <tr key={`${v.productSlug}-${v.topic ?? ""}-${v.field}-${i}`}>
                  <td>
                    <Link href={`/products/${v.productSlug}`} className="font-medium text-indigo-700 hover:underline">
                      {v.productName}
                    </Link>
                  </td>
                  <td>{v.teamName}</td>
                  <td className="font-mono text-xs">{v.topic ?? "—"}</td>
                  <td>{FIELDS[v.field] ?? v.field}</td>
                  <td>{v.rule}</td>
                </tr>
              ))}
            </Table>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
export default outageAware(PolicyViolationsPage);
