// Pure ACL logic (no I/O): which Kafka ACL bindings a Meshport grant implies.
// Kept free of `server-only` and kafkajs so it can be unit-tested and shown in the UI.

export type AclAccess = "PRODUCE" | "CONSUME";

export type AclSpec = {
  /** Kafka principal, e.g. "User:team-sales". */
  principal: string;
  topic: string;
  access: AclAccess;
  /** Consumer groups the principal may use (PREFIXED). Default: "<user name>." */
  consumerGroupPrefix?: string;
};

export type AclResourceType = "TOPIC" | "GROUP" | "CLUSTER" | "TRANSACTIONAL_ID" | "DELEGATION_TOKEN" | "UNKNOWN";
export type AclPatternType = "LITERAL" | "PREFIXED" | "UNKNOWN";
export type AclOperation =
  | "ALL" | "READ" | "WRITE" | "CREATE" | "DELETE" | "ALTER" | "DESCRIBE" | "CLUSTER_ACTION"
  | "DESCRIBE_CONFIGS" | "ALTER_CONFIGS" | "IDEMPOTENT_WRITE" | "UNKNOWN";
export type AclPermission = "ALLOW" | "DENY" | "UNKNOWN";

export type AclBinding = {
  resourceType: AclResourceType;
  name: string;
  patternType: AclPatternType;
  principal: string;
  host: string;
  operation: AclOperation;
  permission: AclPermission;
};

const PRINCIPAL = /^User:([A-Za-z0-9._@-]+)$/;

/** "User:team-sales" -> "team-sales". Throws on anything that is not a plain user principal. */
export function principalUser(principal: string): string {
  const m = PRINCIPAL.exec(principal);
  if (!m?.[1]) throw new Error(`Not a Kafka user principal: ${JSON.stringify(principal)} (expected "User:<name>")`);
  return m[1];
}

export function defaultConsumerGroupPrefix(principal: string): string {
  return `${principalUser(principal)}.`;
}

/** The ALLOW bindings a grant implies. PRODUCE: WRITE+DESCRIBE on the topic. CONSUME: READ+DESCRIBE on the topic and READ on the group prefix. */
export function aclBindingsFor(spec: AclSpec): AclBinding[] {
  principalUser(spec.principal);
  if (!spec.topic) throw new Error("AclSpec.topic is empty");
  const base = { principal: spec.principal, host: "*", permission: "ALLOW" as const };
  const topic = (operation: AclOperation): AclBinding => ({ ...base, resourceType: "TOPIC", name: spec.topic, patternType: "LITERAL", operation });
  if (spec.access === "PRODUCE") return [topic("WRITE"), topic("DESCRIBE")];
  const prefix = spec.consumerGroupPrefix ?? defaultConsumerGroupPrefix(spec.principal);
  // A prefix of "" would grant every group in the cluster; refuse rather than over-grant.
  if (!prefix) throw new Error("AclSpec.consumerGroupPrefix must not be empty");
  return [
    topic("READ"),
    topic("DESCRIBE"),
    { ...base, resourceType: "GROUP", name: prefix, patternType: "PREFIXED", operation: "READ" },
  ];
}

export function sameBinding(a: AclBinding, b: AclBinding): boolean {
  return (
    a.resourceType === b.resourceType && a.name === b.name && a.patternType === b.patternType &&
    a.principal === b.principal && a.host === b.host && a.operation === b.operation && a.permission === b.permission
  );
}

/**
 * Which of a grant's bindings may be deleted, given the principal's current bindings.
 * Bindings are shared between grants: DESCRIBE on a topic serves both PRODUCE and CONSUME, and the
 * group-prefix READ serves every CONSUME grant of the principal. Those stay while another grant needs them.
 */
export function bindingsToRemove(spec: AclSpec, current: AclBinding[]): { remove: AclBinding[]; keep: AclBinding[] } {
  const own = aclBindingsFor(spec);
  const others = current.filter((c) => c.principal === spec.principal && c.permission === "ALLOW" && !own.some((o) => sameBinding(o, c)));
  const has = (pred: (b: AclBinding) => boolean) => others.some(pred);
  const topicOp = (op: AclOperation) => (b: AclBinding) =>
    b.resourceType === "TOPIC" && b.patternType === "LITERAL" && b.name === spec.topic && b.operation === op;
  const stillNeeded = (b: AclBinding): boolean => {
    if (b.resourceType === "TOPIC" && b.operation === "DESCRIBE") return has(topicOp(spec.access === "PRODUCE" ? "READ" : "WRITE"));
    if (b.resourceType === "GROUP") return has((o) => o.resourceType === "TOPIC" && o.operation === "READ");
    return false;
  };
  const remove: AclBinding[] = [];
  const keep: AclBinding[] = [];
  for (const b of own) (stillNeeded(b) ? keep : remove).push(b);
  return { remove, keep };
}
