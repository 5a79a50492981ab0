// Pure: what a team's connector may read and write (docs/decisions/0064). The same rule holds in Kafka,
// because connectors run as the team's principal and Meshport manages that principal's ACLs.

export type ConnectorKindName = "SOURCE" | "SINK";

export type TeamTopics = {
  /** Topics of the team's own products' output ports. */
  owned: ReadonlySet<string>;
  /** Topics the team holds an active grant on. */
  granted: ReadonlySet<string>;
};

/** Field errors, or null when the connector's topics are allowed. */
export function topicPolicyErrors(kind: ConnectorKindName, topics: readonly string[], team: TeamTopics): Record<string, string> | null {
  if (topics.length === 0) return { topics: kind === "SINK" ? "Name at least one topic to read." : "Name the topic it writes to." };
  for (const topic of topics) {
    if (kind === "SOURCE" && !team.owned.has(topic)) {
      return { topics: `A source connector writes only to your team's own topics; ${topic} is not one of them.` };
    }
    if (kind === "SINK" && !team.owned.has(topic) && !team.granted.has(topic)) {
      return { topics: `Your team has no access to ${topic}: request access to its data product first.` };
    }
  }
  return null;
}

/** Keys the team may not set: Meshport sets them (identity, topics) or they would escape the policy. */
const RESERVED = [/^name$/, /^connector\.class$/, /^topics(\.regex)?$/, /^(producer|consumer|admin)\.override\./, /^errors\.deadletterqueue\./, /^transforms/, /^predicates/];

export function reservedKeyErrors(config: Record<string, string>): Record<string, string> | null {
  for (const key of Object.keys(config)) {
    if (RESERVED.some((r) => r.test(key))) return { [`config.${key}`]: `${key} is set by Meshport, not by the connector's form.` };
  }
  return null;
}

/** Settings that name a file on the worker (the FileStream connectors). */
const FILE_KEYS = ["file"];

/**
 * A connector reads or writes files only inside the workers' folder for connector files: otherwise a
 * FileStream source could publish any file the worker can read (its own credentials among them).
 */
export function filePathErrors(config: Record<string, string>, fileDir: string): Record<string, string> | null {
  for (const key of FILE_KEYS) {
    const value = config[key];
    if (value === undefined || value === "") continue;
    const root = fileDir.replace(/\/+$/, "");
    if (!root) return { [`config.${key}`]: "This Connect cluster has no folder for connector files (KAFKA_CONNECT_FILE_DIR)." };
    const segments = value.split("/");
    if (!value.startsWith(`${root}/`) || segments.includes("..") || segments.includes(".")) {
      return { [`config.${key}`]: `Files must be inside ${root}/ on the Connect workers.` };
    }
  }
  return null;
}

/** Where a source's topic is named in its own settings (the common conventions). */
const SOURCE_TOPIC_KEYS = ["topic", "kafka.topic"];

/** The topics a source writes, from its settings. */
export function sourceTopics(config: Record<string, string>): string[] {
  return SOURCE_TOPIC_KEYS.flatMap((k) => (config[k] ?? "").split(",")).map((t) => t.trim()).filter(Boolean);
}
