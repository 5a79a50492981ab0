import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES: Record<string, BadgeTone> = { RUNNING: "green", PAUSED: "amber", STOPPED: "amber", FAILED: "rose", MISSING: "rose", UNASSIGNED: "slate", RESTARTING: "indigo" };

/** A connector's or task's state as Connect names it. */
export function ConnectorState({ state }: { state: string | null }) {
  if (!state) return <Badge>Not checked yet</Badge>;
  return <Badge tone={TONES[state] ?? "slate"}>{state.charAt(0) + state.slice(1).toLowerCase()}</Badge>;
}
