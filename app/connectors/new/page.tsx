import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/session";
import { connectorPlugins, connectorTeamChoices } from "@/lib/connect";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { ConnectorForm } from "@/components/connect/connector-form";
import { createConnectorAction, describePluginAction } from "../actions";
import { outageAware } from "@/components/layout/outage-aware";

export const metadata: Metadata = { title: "New connector" };

async function NewConnectorPage() {
  const viewer = await requireViewer("/connectors/new");
  const [teams, { plugins, unavailable }] = await Promise.all([connectorTeamChoices(viewer), connectorPlugins()]);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">New connector</h1>
        <p className="mt-1 text-sm text-slate-600">
          The form is the plugin&apos;s own configuration. A source writes only to your team&apos;s topics; a sink reads only topics your team owns or has been granted. Secret fields are never shown again.
        </p>
      </div>
      {unavailable ? <Alert tone="error">{unavailable}</Alert> : null}
      {teams.length === 0 ? (
        <EmptyState title="You are not in a team yet">Connectors are owned by teams. Ask a team maintainer to add you.</EmptyState>
      ) : plugins.length > 0 ? (
        <ConnectorForm teams={teams} plugins={plugins} describe={describePluginAction} submit={createConnectorAction} />
      ) : null}
    </div>
  );
}
export default outageAware(NewConnectorPage);
