import type { ConnectorStatus } from "./client";

// Pure: one state for a connector and its tasks, and the part of a trace worth showing.

export type ConnectorHealth = { state: string; error: string | null };

/** FAILED when the connector or any task failed; else the connector's own state. */
export function overallState(status: ConnectorStatus): ConnectorHealth {
  const failed = [status.connector, ...status.tasks].find((s) => s.state === "FAILED");
  if (failed) return { state: "FAILED", error: firstLines(failed.trace ?? "") || "Failed, with no trace from Connect." };
  return { state: status.connector.state, error: null };
}

/** The first lines of a Java stack trace: the exception and where it was thrown. */
export function firstLines(trace: string, lines = 6): string {
  return trace.split("\n").slice(0, lines).join("\n").trim();
}
