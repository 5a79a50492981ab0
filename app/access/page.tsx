import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { listInbox, listMyRequests } from "@/lib/access";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { DecideRequest } from "@/components/access/decide-request";
import { classificationTone, title } from "@/components/catalog/labels";
import { decideAccessRequestAction } from "./actions";

export const metadata: Metadata = { title: "Access requests" };

const statusTone: Record<string, BadgeTone> = { PENDING: "amber", APPROVED: "green", REJECTED: "rose", CANCELLED: "slate" };
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");

export default async function AccessPage() {
  const viewer = await requireViewer();
  const [inbox, mine] = await Promise.all([listInbox(viewer), listMyRequests(viewer)]);

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Access requests</h1>
        <p className="mt-1 text-sm text-slate-600">Decide requests for your team&apos;s products, and follow your own.</p>
      </div>

      <Card>
        <CardHeader title="Awaiting your decision" description="Requests for products your teams maintain. Approving grants the consuming team's Kafka principal READ." />
        <CardBody>
          {inbox.length === 0 ? (
            <EmptyState title="Nothing to decide">New requests for your products will appear here.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="Requests awaiting your decision">
              {inbox.map((r) => (
                <li key={r.id} className="grid gap-4 py-4 md:grid-cols-[1fr_auto]" data-testid={`inbox-${r.dataProduct.slug}`}>
                  <div className="space-y-1 text-sm">
                    <p>
                      <span className="font-semibold">{r.consumerTeam.name}</span> wants to read{" "}
                      <Link href={`/products/${r.dataProduct.slug}`} className="font-semibold text-indigo-700 hover:underline">
                        {r.dataProduct.name}
                      </Link>{" "}
                      <Badge tone={classificationTone[r.dataProduct.classification]}>{title(r.dataProduct.classification)}</Badge>
                    </p>
                    <p className="text-slate-700">“{r.purpose}”</p>
                    {r.note ? <p className="text-slate-500">Note: {r.note}</p> : null}
                    <p className="text-xs text-slate-500">
                      Asked by {r.requester.name} on {day(r.createdAt)} · until {day(r.accessUntil)}
                    </p>
                  </div>
                  <DecideRequest requestId={r.id} productName={r.dataProduct.name} decide={decideAccessRequestAction} />
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Requests by you and your teams" />
        <CardBody>
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
            <table className="min-w-full text-left text-sm">
              <thead className="text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">Product</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Team</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Status</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Until</th>
                  <th scope="col" className="py-2 font-medium">Decision</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {mine.map((r) => {
                  const grant = r.grants[0];
                  return (
                    <tr key={r.id} data-testid={`request-${r.dataProduct.slug}`}>
                      <td className="py-2 pr-4">
                        <Link href={`/products/${r.dataProduct.slug}`} className="text-indigo-700 hover:underline">
                          {r.dataProduct.name}
                        </Link>
                      </td>
                      <td className="py-2 pr-4">{r.consumerTeam.name}</td>
                      <td className="py-2 pr-4">
                        <Badge tone={statusTone[r.status]}>{title(r.status)}</Badge>
                        {grant && grant.provisioning !== "APPLIED" ? (
                          <span className="ml-2 text-xs text-amber-700" title={grant.provisioningError ?? undefined}>
                            ACLs {grant.provisioning.toLowerCase()}
                          </span>
                        ) : null}
                      </td>
                      <td className="py-2 pr-4">{day(r.accessUntil)}</td>
                      <td className="py-2 text-slate-600">
                        {r.decidedBy && r.status !== "CANCELLED" ? `${r.decidedBy.name}${r.decisionReason ? `: “${r.decisionReason}”` : ""}` : "—"}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
