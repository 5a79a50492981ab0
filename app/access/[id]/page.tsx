import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireViewer } from "@/lib/auth/session";
import { getAccessRequestDetail } from "@/lib/access";
import { DomainError } from "@/lib/errors";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DecideRequest } from "@/components/access/decide-request";
import { CancelRequest, CommentForm, RefreshWhile, RenewAccess, RevokeAccess } from "@/components/access/request-actions";
import { ProvisioningBadge, RequestStatus, day, when } from "@/components/access/status";
import { classificationTone, title } from "@/components/catalog/labels";
import { cancelRequestAction, commentAction, decideAccessRequestAction, renewAccessAction, revokeAccessAction } from "../actions";
import { outageAware, outageAwareMetadata } from "@/components/layout/outage-aware";

type Params = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  const viewer = await requireViewer(`/access/${encodeURIComponent(id)}`);
  try {
    return await getAccessRequestDetail(viewer, id);
  } catch (e) {
    if (e instanceof DomainError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
});

async function metadataOf({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const { request } = await load(id);
  return { title: `${request.consumerTeam.name} → ${request.dataProduct.name}` };
}

const events: Record<string, string> = {
  "access-request.created": "Requested",
  "access-request.owner-approved": "Owners approved; waiting for data protection",
  "access-request.approved": "Approved",
  "access-request.rejected": "Rejected",
  "access-request.cancelled": "Cancelled by the requester",
  "access-request.activated": "Active: the consumer can read",
  "access-request.revoked": "Revoked",
  "access-request.expired": "Expired",
  "grant.acls-applied": "ACLs applied in Kafka",
  "grant.acls-removed": "ACLs removed from Kafka",
  "grant.acls-restored": "ACLs restored by the reconciler (drift)",
  "grant.orphan-acls-removed": "Left-over ACLs removed by the reconciler",
  "grant.expiry-notice-sent": "Expiry notice sent",
};

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

async function AccessRequestPage({ params }: Params) {
  const { id } = await params;
  const { request: r, step, history, permissions } = await load(id);
  const outcome = r.status === "REJECTED" || r.status === "REVOKED" || r.status === "EXPIRED";
  const endReason = r.grants.find((g) => g.endReason)?.endReason;
  const provisioningMoving = r.grants.some((g) => g.provisioning === "PENDING");

  return (
    <div className="space-y-6">
      <RefreshWhile active={r.status === "APPROVED" || provisioningMoving} />
      <nav className="text-sm text-slate-500">
        <Link href="/access" className="hover:underline">Access requests</Link> / <span>{r.id.slice(-8)}</span>
      </nav>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold tracking-tight">
            {r.consumerTeam.name} → <Link href={`/products/${r.dataProduct.slug}`} className="text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:decoration-indigo-700">{r.dataProduct.name}</Link>
          </h1>
          <div className="flex flex-wrap items-center gap-2" data-testid="request-status">
            <RequestStatus status={r.status} step={step} />
            <Badge tone={classificationTone[r.dataProduct.classification]}>{title(r.dataProduct.classification)}</Badge>
            {r.dataProduct.containsPii ? <Badge tone="rose">Personal data</Badge> : null}
            {r.requiresDataProtection ? <Badge tone="slate">Two approvals: owners, then data protection</Badge> : null}
          </div>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          {permissions.cancel ? <CancelRequest requestId={r.id} cancel={cancelRequestAction} /> : null}
          {permissions.renew ? <RenewAccess requestId={r.id} renew={renewAccessAction} /> : null}
        </div>
      </header>

      {outcome ? (
        <Alert tone={r.status === "EXPIRED" ? "info" : "error"} title={r.status === "REJECTED" ? `Rejected by ${r.decidedBy?.name ?? "the owners"}` : r.status === "REVOKED" ? "Access revoked" : "Access expired"}>
          <span data-testid="decision-reason">{r.status === "REJECTED" ? (r.decisionReason ?? "No reason given.") : (endReason ?? "")}</span>
        </Alert>
      ) : null}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title="Request" />
            <CardBody className="space-y-4">
              <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3">
                <Fact label="Consuming team">{r.consumerTeam.name}</Fact>
                <Fact label="Kafka principal"><span className="font-mono text-xs">{r.consumerTeam.principals[0]?.principal ?? "—"}</span></Fact>
                <Fact label="Access until">{day(r.accessUntil)}</Fact>
                <Fact label="Requested by">{r.requester.name}</Fact>
                <Fact label="Requested on">{day(r.createdAt)}</Fact>
                <Fact label="Owning team">{r.dataProduct.ownerTeam.name}</Fact>
              </dl>
              <div>
                <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Purpose</p>
                <p className="mt-1 text-sm text-slate-800">{r.purpose}</p>
              </div>
              {r.note ? (
                <div>
                  <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Note</p>
                  <p className="mt-1 text-sm text-slate-700">{r.note}</p>
                </div>
              ) : null}
              {r.renewalOf ? (
                <p className="text-sm text-slate-600">
                  Renews <Link href={`/access/${r.renewalOf.id}`} className="text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:decoration-indigo-700">the access granted until {day(r.renewalOf.accessUntil)}</Link>.
                </p>
              ) : null}
            </CardBody>
          </Card>

          {permissions.decide ? (
            <Card>
              <CardHeader title={step === "DATA_PROTECTION" ? "Your decision (data protection)" : "Your decision"} description="Approve, or reject with a reason the requester sees." />
              <CardBody>
                <DecideRequest requestId={r.id} productName={r.dataProduct.name} step={step} decide={decideAccessRequestAction} withNote />
              </CardBody>
            </Card>
          ) : null}

          <Card>
            <CardHeader title="Comments" description="Visible to the requester, both teams and the approvers." />
            <CardBody className="space-y-4">
              {r.comments.length === 0 ? <p className="text-sm text-slate-500">No comments yet.</p> : null}
              <ol className="space-y-3" aria-label="Comments">
                {r.comments.map((c) => (
                  <li key={c.id} className="rounded-md bg-slate-50 px-3 py-2 ring-1 ring-slate-200 ring-inset">
                    <p className="text-xs text-slate-500">
                      <span className="font-semibold text-slate-800">{c.author.name}</span> · {when(c.createdAt)}
                    </p>
                    <p className="mt-1 text-sm whitespace-pre-wrap text-slate-800">{c.body}</p>
                  </li>
                ))}
              </ol>
              {permissions.comment ? <CommentForm requestId={r.id} comment={commentAction} /> : null}
            </CardBody>
          </Card>
        </div>

        <aside className="space-y-6">
          <Card>
            <CardHeader title="Approvals" />
            <CardBody>
              <ol className="space-y-2 text-sm">
                {(r.requiresDataProtection ? (["OWNER", "DATA_PROTECTION"] as const) : (["OWNER"] as const)).map((s) => {
                  const a = r.approvals.find((x) => x.step === s);
                  return (
                    <li key={s} className="flex items-start justify-between gap-3">
                      <span className="font-medium">{s === "OWNER" ? "Owners" : "Data protection"}</span>
                      {a ? (
                        <span className="text-right text-emerald-800">
                          ✓ {a.approver.name}
                          <span className="block text-xs text-slate-500">{when(a.createdAt)}</span>
                          {a.reason ? <span className="block text-xs text-slate-600">“{a.reason}”</span> : null}
                        </span>
                      ) : r.status === "PENDING" ? (
                        <span className="text-amber-700">{step === s ? "Waiting" : "Not yet"}</span>
                      ) : (
                        <span className="text-slate-400">—</span>
                      )}
                    </li>
                  );
                })}
              </ol>
            </CardBody>
          </Card>

          <Card>
            <CardHeader title="In Kafka" description="READ and DESCRIBE on the topic, READ on the team's consumer-group prefix." />
            <CardBody className="space-y-3">
              {r.grants.length === 0 ? <p className="text-sm text-slate-500">Nothing granted{r.status === "PENDING" ? " yet" : ""}.</p> : null}
              <ul className="space-y-3 text-sm">
                {r.grants.map((g) => (
                  <li key={g.id} className="space-y-1" data-testid="grant">
                    <p className="font-mono text-xs">{g.outputPort.topic}</p>
                    <p className="flex flex-wrap gap-1.5">
                      <Badge tone={g.status === "ACTIVE" ? "green" : "slate"}>Grant {g.status.toLowerCase()}</Badge>
                      <ProvisioningBadge provisioning={g.provisioning} error={g.provisioning === "FAILED" ? g.provisioningError : null} ended={g.status !== "ACTIVE"} />
                    </p>
                    {g.provisioning === "PENDING" && g.provisioningError ? <p className="text-xs text-amber-800">Last attempt: {g.provisioningError}</p> : null}
                    <p className="text-xs text-slate-500">Group prefix <span className="font-mono">{g.principal.principal.replace(/^User:/, "")}.</span></p>
                  </li>
                ))}
              </ul>
              {permissions.revoke ? <RevokeAccess requestId={r.id} teamName={r.consumerTeam.name} revoke={revokeAccessAction} /> : null}
            </CardBody>
          </Card>

          <Card>
            <CardHeader title="History" />
            <CardBody>
              <ol className="relative space-y-3 border-l border-slate-200 pl-4 text-sm" aria-label="History">
                {history.map((e) => (
                  <li key={e.id}>
                    <span className="absolute -left-[5px] mt-1.5 h-2.5 w-2.5 rounded-full bg-indigo-500 ring-2 ring-surface" aria-hidden />
                    <p className="font-medium text-slate-800">{events[e.action] ?? e.action}</p>
                    <p className="text-xs text-slate-500">{e.actorLabel} · {when(e.at)}</p>
                  </li>
                ))}
              </ol>
            </CardBody>
          </Card>
        </aside>
      </div>
    </div>
  );
}

export const generateMetadata = outageAwareMetadata(metadataOf);
export default outageAware(AccessRequestPage);
