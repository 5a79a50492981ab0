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

/**
 * The ALLOW bindings a grant implies.
 * - PRODUCE (the owning team's grant on its own output port): WRITE, READ and DESCRIBE on the topic, and READ on
 *   its group prefix. The owner reads its own topics, so a team can build one product from another of its own,
 *   and the catalog's "I have access" (owned or granted) is what Kafka enforces (docs/decisions/0034).
 * - CONSUME (another team, after an approved request): READ and DESCRIBE on the topic, and READ on the group prefix.
 */
export function aclBindingsFor(spec: AclSpec): AclBinding[] {
  principalUser(spec.principal);
  if (!spec.topic) throw new Error("AclSpec.topic is empty");
  const base = { principal: spec.principal, host: "*", permission: "ALLOW" as const };
  const topic = (operation: AclOperation): AclBinding => ({ ...base, resourceType: "TOPIC", name: spec.topic, patternType: "LITERAL", operation });
  const prefix = spec.consumerGroupPrefix ?? defaultConsumerGroupPrefix(spec.principal);
  // A prefix of "" would grant every group in the cluster; refuse rather than over-grant.
  if (!prefix) throw new Error("AclSpec.consumerGroupPrefix must not be empty");
  const group: AclBinding = { ...base, resourceType: "GROUP", name: prefix, patternType: "PREFIXED", operation: "READ" };
  if (spec.access === "PRODUCE") return [topic("WRITE"), topic("READ"), topic("DESCRIBE"), group];
  return [topic("READ"), topic("DESCRIBE"), group];
}

/** One string per binding identity, for sets and maps of bindings. */
export function bindingKey(b: AclBinding): string {
  return [b.principal, b.resourceType, b.name, b.patternType, b.operation, b.permission, b.host].join("|");
}

export function sameBinding(a: AclBinding, b: AclBinding): boolean {
  return bindingKey(a) === bindingKey(b);
}

/**
 * What Kafka should hold for these grants: the union of their bindings, each once. A pure function of
 * Meshport's own records (the active grants), never of what the broker holds now (docs/decisions/0034).
 */
export function desiredBindings(activeGrants: AclSpec[]): AclBinding[] {
  const out = new Map<string, AclBinding>();
  for (const spec of activeGrants) for (const b of aclBindingsFor(spec)) out.set(bindingKey(b), b);
  return [...out.values()];
}

/**
 * Which of an ended grant's bindings may be deleted: those no active grant implies (`desired`, from the database).
 * Bindings are shared: DESCRIBE on a topic serves both PRODUCE and CONSUME, and the group-prefix READ serves every
 * grant of the principal; those stay while another active grant implies them, whatever Kafka holds at the moment.
 */
export function bindingsToRemove(spec: AclSpec, desired: AclBinding[]): { remove: AclBinding[]; keep: AclBinding[] } {
  const wanted = new Set(desired.map(bindingKey));
  const remove: AclBinding[] = [];
  const keep: AclBinding[] = [];
  for (const b of aclBindingsFor(spec)) (wanted.has(bindingKey(b)) ? keep : remove).push(b);
  return { remove, keep };
}

/**
 * Applying = the difference between what Kafka should hold and what it holds, limited to the bindings Meshport
 * manages (`managed`: implied by some grant of its records, active or ended). Anything else is left alone.
 */
export function aclDiff(desired: AclBinding[], actual: AclBinding[], managed: (b: AclBinding) => boolean): { add: AclBinding[]; remove: AclBinding[] } {
  const want = new Set(desired.map(bindingKey));
  const have = new Set(actual.map(bindingKey));
  return {
    add: desired.filter((b) => !have.has(bindingKey(b))),
    remove: actual.filter((b) => !want.has(bindingKey(b)) && managed(b)),
  };
}
