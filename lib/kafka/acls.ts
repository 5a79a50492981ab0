import "server-only";
import kafkajs, { type AclEntry, type AclFilter } from "kafkajs";
import {
  aclBindingsFor,
  bindingsToRemove,
  type AclBinding,
  type AclOperation,
  type AclPatternType,
  type AclPermission,
  type AclResourceType,
  type AclSpec,
} from "./acl-spec";
import { withAdmin } from "./client";
import { KafkaOperationError } from "./errors";

// Default import: see client.ts.
const { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes } = kafkajs;

// kafkajs speaks numeric enums; the rest of Meshport speaks the names Kafka's CLI prints.
function nameOf<T extends string>(enumObj: Record<string, string | number>, value: number): T {
  const name = Object.entries(enumObj).find(([, v]) => v === value)?.[0];
  return (name ?? "UNKNOWN") as T;
}

function toEntry(b: AclBinding): AclEntry {
  return {
    resourceType: AclResourceTypes[b.resourceType as keyof typeof AclResourceTypes],
    resourceName: b.name,
    resourcePatternType: ResourcePatternTypes[b.patternType as keyof typeof ResourcePatternTypes],
    principal: b.principal,
    host: b.host,
    operation: AclOperationTypes[b.operation as keyof typeof AclOperationTypes],
    permissionType: AclPermissionTypes[b.permission as keyof typeof AclPermissionTypes],
  };
}

/** Create the bindings the grant implies. Creating an existing binding is a no-op in Kafka, so this is idempotent. */
export async function applyAcls(spec: AclSpec): Promise<AclBinding[]> {
  const bindings = aclBindingsFor(spec);
  await withAdmin(`grant ${spec.access} on ${spec.topic} to ${spec.principal}`, (admin) => admin.createAcls({ acl: bindings.map(toEntry) }));
  return bindings;
}

/**
 * Delete the bindings an ended grant implies, except those `desired` holds: what the principal's active grants
 * imply, read from Meshport's database by the caller (see desiredBindings). Kafka's current ACLs play no part,
 * so drift on another grant's ACLs cannot make this remove a binding that grant still needs.
 */
export async function removeAcls(spec: AclSpec, desired: AclBinding[]): Promise<{ removed: AclBinding[]; kept: AclBinding[] }> {
  const { remove, keep } = bindingsToRemove(spec, desired);
  await deleteAclBindings(remove);
  return { removed: remove, kept: keep };
}

export type AclListFilter = {
  principal?: string;
  resourceType?: Exclude<AclResourceType, "UNKNOWN">;
  /** Exact resource name (with patternType, or any pattern type). */
  name?: string;
  patternType?: Exclude<AclPatternType, "UNKNOWN">;
};

/** All bindings matching the filter (no filter: every binding in the cluster). */
export async function listAcls(filter: AclListFilter = {}): Promise<AclBinding[]> {
  const res = await withAdmin("list ACLs", (admin) =>
    admin.describeAcls({
      resourceType: filter.resourceType ? AclResourceTypes[filter.resourceType] : AclResourceTypes.ANY,
      resourceName: filter.name,
      resourcePatternType: filter.patternType ? ResourcePatternTypes[filter.patternType] : ResourcePatternTypes.ANY,
      principal: filter.principal,
      operation: AclOperationTypes.ANY,
      permissionType: AclPermissionTypes.ANY,
    }),
  );
  if (res.errorCode) throw new KafkaOperationError("list ACLs", "DESCRIBE_ACLS_FAILED", res.errorCode, res.errorMessage ?? "");
  return res.resources.flatMap((r) =>
    r.acls.map((a): AclBinding => ({
      resourceType: nameOf<AclResourceType>(AclResourceTypes, r.resourceType),
      name: r.resourceName,
      patternType: nameOf<AclPatternType>(ResourcePatternTypes, r.resourcePatternType),
      principal: a.principal,
      host: a.host,
      operation: nameOf<AclOperation>(AclOperationTypes, a.operation),
      permission: nameOf<AclPermission>(AclPermissionTypes, a.permissionType),
    })),
  );
}

/** Create exactly these bindings (an existing one is a no-op in Kafka). For the reconciler's repairs. */
export async function createAclBindings(bindings: AclBinding[]): Promise<void> {
  if (bindings.length === 0) return;
  await withAdmin(`create ${bindings.length} ACL binding(s)`, (admin) => admin.createAcls({ acl: bindings.map(toEntry) }));
}

/** Delete exactly these bindings (each filter matches one binding; an absent one is no error). */
export async function deleteAclBindings(bindings: AclBinding[]): Promise<void> {
  if (bindings.length === 0) return;
  const res = await withAdmin(`delete ${bindings.length} ACL binding(s)`, (admin) =>
    admin.deleteAcls({ filters: bindings.map((b): AclFilter => toEntry(b)) }),
  );
  const failed = res.filterResponses.find((r) => r.errorCode);
  if (failed) throw new KafkaOperationError("delete ACLs", "DELETE_ACLS_FAILED", failed.errorCode, failed.errorMessage ?? "");
}
