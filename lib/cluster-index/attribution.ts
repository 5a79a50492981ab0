// Which team a consumer group belongs to: the team whose Kafka principal's group prefix starts the
// group id (the prefix Meshport's CONSUME ACLs allow, lib/kafka/acl-spec.ts). Longest prefix wins.
import { defaultConsumerGroupPrefix } from "@/lib/kafka/acl-spec";

export type TeamPrincipal = { principal: string; teamId: string };
export type Attribution = { teamId: string; principal: string } | null;

export function groupAttributor(principals: TeamPrincipal[]): (groupId: string) => Attribution {
  const prefixes = principals
    .flatMap((p) => {
      try {
        return [{ prefix: defaultConsumerGroupPrefix(p.principal), ...p }];
      } catch {
        return []; // not a User: principal; it cannot own groups by prefix
      }
    })
    .sort((a, b) => b.prefix.length - a.prefix.length);
  return (groupId) => {
    const hit = prefixes.find((p) => groupId.startsWith(p.prefix));
    return hit ? { teamId: hit.teamId, principal: hit.principal } : null;
  };
}
