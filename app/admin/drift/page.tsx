import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth";
import { requireViewer } from "@/lib/auth/session";
import { listAclDrift, reconcileIntervalSeconds } from "@/lib/provisioning";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ReconcileNow } from "@/components/access/reconcile-now";
import { when } from "@/components/access/status";
import { reconcileNowAction } from "./actions";
import { Table } from "@/components/ui/table";
import { findSubjectDrift } from "@/lib/contracts";
import { SubjectDriftCard } from "@/components/contracts/subject-drift";
import { outageAware } from "@/components/layout/outage-aware";

export const metadata: Metadata = { title: "Drift" };

const acl = (d: { resourceType: string; resourceName: string; patternType: string; operation: string }) => (
  <span className="font-mono text-xs">
    {d.operation} {d.resourceType.toLowerCase()} {d.resourceName}
    {d.patternType === "PREFIXED" ? "*" : ""}
  </span>
);

async function DriftPage() {
  const viewer = await requireViewer("/admin/drift");
  if (!can(viewer, { permission: "read:acl-drift" })) notFound();
  const [{ changes, unmanaged }, subjects] = await Promise.all([
    listAclDrift(viewer),
    findSubjectDrift(viewer).then(
      (drift) => ({ ok: true as const, drift }),
      (e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) }),
    ),
  ]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">ACL drift</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">
            Every {reconcileIntervalSeconds()} seconds the reconciler compares what the grants say Kafka should hold with Kafka&apos;s ACLs: missing ACLs of
            active grants are re-applied, ACLs left by ended grants are removed, and ACLs Meshport does not manage are reported here, never touched.
          </p>
        </div>
        <ReconcileNow run={reconcileNowAction} />
      </div>

      <Card>
        <CardHeader title="Corrected by the reconciler" description="Newest first." />
        <CardBody className="overflow-x-auto p-0">
          {changes.length === 0 ? (
            <div className="p-5">
              <EmptyState title="No drift corrected yet">Kafka has matched Meshport&apos;s grants on every run.</EmptyState>
            </div>
          ) : (
            <Table columns={["Detected", "What", "Principal", "ACL", "Grant"]} label="Corrected drift" variant="boxed">
                {changes.map((d) => (
                  <tr key={d.id}>
                    <td className="whitespace-nowrap text-xs text-slate-600">{when(d.detectedAt)}</td>
                    <td>
                      {d.kind === "MISSING_RESTORED" ? <Badge tone="amber">Missing · restored</Badge> : <Badge tone="indigo">Left over · removed</Badge>}
                    </td>
                    <td className="font-mono text-xs">{d.principal}</td>
                    <td>{acl(d)}</td>
                    <td className="text-xs">
                      {d.grant?.accessRequestId ? (
                        <Link href={`/access/${d.grant.accessRequestId}`} className="text-indigo-700 hover:underline">
                          {d.grant.team.name} → {d.grant.dataProduct.name}
                        </Link>
                      ) : d.grant ? (
                        `${d.grant.team.name} · ${d.grant.dataProduct.name}`
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </Table>
          )}
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Not managed by Meshport" description="Reported only. Someone created these outside Meshport; decide whether they should exist." />
        <CardBody className="overflow-x-auto p-0">
          {unmanaged.length === 0 ? (
            <div className="p-5">
              <EmptyState title="No unmanaged ACLs">Every ACL in Kafka comes from a Meshport grant.</EmptyState>
            </div>
          ) : (
            <Table columns={["Principal", "ACL", "Detail", "First seen", "Last seen"]} label="Unmanaged ACLs" variant="boxed">
                {unmanaged.map((d) => (
                  <tr key={d.id}>
                    <td className="font-mono text-xs">{d.principal}</td>
                    <td>{acl(d)}</td>
                    <td className="text-xs text-slate-600">{d.detail}</td>
                    <td className="whitespace-nowrap text-xs text-slate-600">{when(d.detectedAt)}</td>
                    <td className="whitespace-nowrap text-xs text-slate-600">{when(d.lastSeenAt)}</td>
                  </tr>
                ))}
              </Table>
          )}
        </CardBody>
      </Card>

      <SubjectDriftCard result={subjects} />
    </div>
  );
}
export default outageAware(DriftPage);
