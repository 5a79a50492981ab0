import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireViewer } from "@/lib/auth/session";
import { connectorDetail } from "@/lib/connect";
import { DomainError } from "@/lib/errors";
import { ConnectorControls } from "@/components/connect/connector-controls";
import { ConnectorState } from "@/components/connect/connector-state";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { deleteConnectorAction, operateConnectorAction } from "../actions";
import { outageAware, outageAwareMetadata } from "@/components/layout/outage-aware";

type Params = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  const viewer = await requireViewer(`/connectors/${encodeURIComponent(id)}`);
  try {
    return await connectorDetail(viewer, id);
  } catch (e) {
    if (e instanceof DomainError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
});

async function metadataOf({ params }: Params): Promise<Metadata> {
  return { title: (await load((await params).id)).name };
}

async function ConnectorPage({ params }: Params) {
  const c = await load((await params).id);
  const state = c.live.reachable ? c.live.state : c.lastState;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-slate-500"><Link href="/connectors" className="hover:underline">Connectors</Link></p>
          <h1 className="font-mono text-2xl font-semibold tracking-tight">{c.name}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <Badge tone={c.kind === "SOURCE" ? "indigo" : "slate"}>{c.kind === "SOURCE" ? "Source" : "Sink"}</Badge>
            <span className="font-mono text-xs">{c.connectorClass}</span>
            <span>owned by <Link className="font-medium text-indigo-700 hover:underline" href={`/teams/${c.team.slug}`}>{c.team.name}</Link></span>
            <span>runs as <span className="font-mono text-xs">{c.principal}</span></span>
          </p>
        </div>
        {c.canManage ? <ConnectorControls id={c.id} name={c.name} paused={state === "PAUSED"} operate={operateConnectorAction} remove={deleteConnectorAction} /> : null}
      </div>
      {!c.live.reachable ? <Alert tone="warning">{c.live.message}</Alert> : null}
      <Card>
        <CardHeader title="State" description={c.kind === "SOURCE" ? "Writes to" : "Reads from"} actions={<ConnectorState state={state} />} />
        <CardBody className="space-y-4">
          <ul className="flex flex-wrap gap-2">
            {c.topics.map((t) => (
              <li key={t} className="rounded bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-800">{t}</li>
            ))}
          </ul>
          {c.live.reachable ? (
            <Table label="Tasks" columns={["Task", "State", "Worker", "Error"]}>
              {c.live.tasks.map((t) => (
                <tr key={t.id}>
                  <td>{t.id}</td>
                  <td><ConnectorState state={t.state} /></td>
                  <td className="font-mono text-xs">{t.worker ?? "—"}</td>
                  <td>{t.error ? <pre className="max-w-xl overflow-x-auto whitespace-pre-wrap text-xs text-rose-800">{t.error}</pre> : "—"}</td>
                </tr>
              ))}
            </Table>
          ) : null}
          {c.live.reachable && c.live.tasks.length === 0 ? <p className="text-sm text-slate-500">No tasks yet: Connect starts them a few seconds after the connector.</p> : null}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Settings" description={c.settings ? "As the team entered them. Secret values are never shown." : undefined} />
        <CardBody>
          {c.settings ? (
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
              {Object.entries(c.settings.values).map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="font-mono text-xs text-slate-500">{k}</dt>
                  <dd className="font-mono text-xs break-all text-slate-900">{v}</dd>
                </div>
              ))}
              {c.settings.secretFields.map((k) => (
                <div key={k} className="contents">
                  <dt className="font-mono text-xs text-slate-500">{k}</dt>
                  <dd className="text-xs text-slate-500">Set (write-only)</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="text-sm text-slate-600">Only members of {c.team.name} see this connector&apos;s settings.</p>
          )}
        </CardBody>
      </Card>
    </div>
  );
}

export const generateMetadata = outageAwareMetadata(metadataOf);
export default outageAware(ConnectorPage);
