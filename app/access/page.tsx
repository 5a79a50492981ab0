import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { listInbox, listMyRequests } from "@/lib/access";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { DecideRequest } from "@/components/access/decide-request";
import { ProvisioningBadge, RequestStatus, day } from "@/components/access/status";
import { classificationTone, title } from "@/components/catalog/labels";
import { decideAccessRequestAction } from "./actions";
import { Table } from "@/components/ui/table";
import { outageAware } from "@/components/layout/outage-aware";

export const metadata: Metadata = { title: "Access requests" };

async function AccessPage() {
  const viewer = await requireViewer("/access");
  const [inbox, mine] = await Promise.all([listInbox(viewer), listMyRequests(viewer)]);

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Access requests</h1>
        <p className="mt-1 text-sm text-slate-600">Decide requests for your products, and follow your own from request to revocation.</p>
      </div>

      <Card>
        <CardHeader
          title={
            <span className="flex items-center gap-2">
              Awaiting your decision
              {inbox.length > 0 ? <Badge tone="indigo">{inbox.length}</Badge> : null}
            </span>
          }
          description="Approving grants the consuming team's Kafka principal READ on the topic and on its consumer groups. Restricted and personal data also need data protection."
        />
        <CardBody>
          {inbox.length === 0 ? (
            <EmptyState title="Nothing to decide">New requests for your products will appear here.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="Requests awaiting your decision">
              {inbox.map((r) => (
                <li key={r.id} className="grid grid-cols-1 gap-4 py-4 md:grid-cols-[1fr_auto]" data-testid={`inbox-${r.dataProduct.slug}`}>
                  <div className="space-y-1.5 text-sm">
                    <p className="flex flex-wrap items-center gap-x-1.5 gap-y-1">
                      <span className="font-semibold">{r.consumerTeam.name}</span> wants to read
                      <Link href={`/products/${r.dataProduct.slug}`} className="font-semibold text-indigo-700 hover:underline">
                        {r.dataProduct.name}
                      </Link>
                      <Badge tone={classificationTone[r.dataProduct.classification]}>{title(r.dataProduct.classification)}</Badge>
                      {r.dataProduct.containsPii ? <Badge tone="rose">Personal data</Badge> : null}
                      {r.step === "DATA_PROTECTION" ? <Badge tone="amber">Data-protection step</Badge> : null}
                      {r.renewalOfId ? <Badge tone="slate">Renewal</Badge> : null}
                    </p>
                    <p className="text-slate-700">“{r.purpose}”</p>
                    {r.note ? <p className="text-slate-500">Note: {r.note}</p> : null}
                    {r.step === "DATA_PROTECTION" ? (
                      <p className="text-slate-600">Owners approved: {r.approvals.find((a) => a.step === "OWNER")?.approver.name}.</p>
                    ) : null}
                    <p className="text-xs text-slate-500">
                      Asked by {r.requester.name} on {day(r.createdAt)} · until {day(r.accessUntil)} ·{" "}
                      <Link href={`/access/${r.id}`} className="font-medium text-indigo-700 hover:underline">
                        Details and comments
                      </Link>
                    </p>
                  </div>
                  <DecideRequest requestId={r.id} productName={r.dataProduct.name} step={r.step} decide={decideAccessRequestAction} />
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="My requests" description="Requests made by you and your teams." />
        <CardBody className="overflow-x-auto">
          {mine.length === 0 ? (
            <EmptyState
              title="No requests yet"
              action={
                <Link href="/catalog" className="text-sm font-medium text-indigo-700 hover:underline">
                  Find data in the catalog
                </Link>
              }
            >
              Request access from a data product&apos;s page.
            </EmptyState>
          ) : (
            <Table columns={["Product", "Team", "Status", "Until", "Decision"]}>
                {mine.map((r) => {
                  const pendingGrant = r.grants.find((g) => g.status === "ACTIVE" && g.provisioning !== "APPLIED");
                  return (
                    <tr key={r.id} data-testid={`request-${r.dataProduct.slug}`} className="align-top">
                      <td className="py-2.5 pr-4">
                        <Link href={`/access/${r.id}`} className="font-medium text-indigo-700 hover:underline">
                          {r.dataProduct.name}
                        </Link>
                      </td>
                      <td className="py-2.5 pr-4">{r.consumerTeam.name}</td>
                      <td className="space-x-1.5 py-2.5 pr-4 whitespace-nowrap">
                        <RequestStatus status={r.status} step={r.step} />
                        {pendingGrant ? <ProvisioningBadge provisioning={pendingGrant.provisioning} error={pendingGrant.provisioningError} /> : null}
                      </td>
                      <td className="py-2.5 pr-4 whitespace-nowrap">{day(r.accessUntil)}</td>
                      <td className="py-2.5 text-slate-600">
                        {r.decidedBy && r.status !== "CANCELLED" ? `${r.decidedBy.name}${r.decisionReason ? `: “${r.decisionReason}”` : ""}` : "—"}
                      </td>
                    </tr>
                  );
                })}
              </Table>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
export default outageAware(AccessPage);
