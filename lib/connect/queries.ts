import "server-only";
import { db } from "@/lib/db";
import { can, type Viewer } from "@/lib/auth";
import { DomainError, notFound } from "@/lib/errors";
import { getConnectorStatus, listPlugins, validateConfig, type ConnectPlugin } from "./client";
import { ConnectError, ConnectUnavailableError } from "./errors";
import { withConnect } from "./guard";
import { formFields, type PluginField } from "./plugin-fields";
import { firstLines } from "./status";
import { teamTopics } from "./team-topics";

export type ConnectorSummary = {
  id: string;
  name: string;
  kind: "SOURCE" | "SINK";
  connectorClass: string;
  topics: string[];
  team: { slug: string; name: string };
  lastState: string | null;
  lastCheckedAt: Date | null;
};

const summarySelect = {
  id: true,
  name: true,
  kind: true,
  connectorClass: true,
  topics: true,
  lastState: true,
  lastCheckedAt: true,
  team: { select: { slug: true, name: true } },
} as const;

/** Every connector: its name, owner, kind, topics and last state are public in the mesh (never its settings). */
export async function listConnectors(): Promise<ConnectorSummary[]> {
  return db.connector.findMany({ select: summarySelect, orderBy: { name: "asc" } });
}

export type LiveStatus =
  | { reachable: true; state: string; worker: string | null; tasks: { id: number; state: string; worker: string | null; error: string | null }[] }
  | { reachable: false; message: string };

export type ConnectorDetail = ConnectorSummary & {
  teamId: string;
  principal: string;
  createdAt: Date;
  /** Only for those who manage it; secret values are never here, only the names of secret fields. */
  settings: { values: Record<string, string>; secretFields: string[] } | null;
  canManage: boolean;
  live: LiveStatus;
};

async function liveStatus(name: string): Promise<LiveStatus> {
  try {
    const s = await getConnectorStatus(name);
    return {
      reachable: true,
      state: s.connector.state,
      worker: s.connector.worker_id ?? null,
      tasks: s.tasks.map((t) => ({ id: t.id, state: t.state, worker: t.worker_id ?? null, error: t.trace ? firstLines(t.trace) : null })),
    };
  } catch (e) {
    if (e instanceof ConnectUnavailableError) return { reachable: false, message: "Kafka Connect is unreachable; the state shown is the last one Meshport saw." };
    if (e instanceof ConnectError && e.notFound) return { reachable: false, message: "Kafka Connect does not know this connector (deleted there directly?)." };
    throw e;
  }
}

export async function connectorDetail(viewer: Viewer, id: string): Promise<ConnectorDetail> {
  const row = await db.connector.findUnique({
    where: { id },
    select: { ...summarySelect, teamId: true, createdAt: true, config: true, secretFields: true, principal: { select: { principal: true } } },
  });
  if (!row) throw notFound("Connector");
  const canManage = can(viewer, { permission: "manage:connector", teamId: row.teamId });
  const { config, secretFields, principal, ...rest } = row;
  return {
    ...rest,
    principal: principal.principal,
    canManage,
    settings: canManage ? { values: config as Record<string, string>, secretFields } : null,
    live: await liveStatus(row.name),
  };
}

/** The teams a viewer can create connectors for, with the topics each may read and write (form hints). */
export async function connectorTeamChoices(viewer: Viewer) {
  const teams = await db.team.findMany({
    where: viewer.isPlatformAdmin ? {} : { id: { in: viewer.memberships.map((m) => m.teamId) } },
    select: { id: true, slug: true, name: true },
    orderBy: { name: "asc" },
  });
  return Promise.all(
    teams.map(async (t) => {
      const topics = await teamTopics(t.id);
      return { ...t, owned: [...topics.owned].sort(), granted: [...topics.granted].sort() };
    }),
  );
}

/** The plugins of the Connect cluster; an unreachable Connect is said plainly, not as an error page. */
export async function connectorPlugins(): Promise<{ plugins: ConnectPlugin[]; unavailable: string | null }> {
  try {
    return { plugins: (await listPlugins()).filter((p) => p.type === "source" || p.type === "sink"), unavailable: null };
  } catch (e) {
    if (e instanceof ConnectUnavailableError) return { plugins: [], unavailable: "Kafka Connect is unreachable right now, so no connector can be created. Try again in a moment." };
    throw e;
  }
}

/** The form a plugin's own configuration definition gives. */
export async function pluginForm(viewer: Viewer, connectorClass: string): Promise<PluginField[]> {
  if (viewer.memberships.length === 0 && !viewer.isPlatformAdmin) throw new DomainError("FORBIDDEN", "Join a team to create connectors.");
  return withConnect("reading the plugin's settings", async () => formFields(await validateConfig(connectorClass, { name: "meshport-form" })));
}
