import { principalUser, type AclBinding } from "@/lib/kafka/acl-spec";

// Pure: what a team may register as a Kafka Streams application (docs/decisions/0065).

const APPLICATION_ID = /^[A-Za-z0-9._-]{1,200}$/;

/** Field errors, or null: the id lies under the principal's group prefix, and it writes only the team's own topics. */
export function processorErrors(input: { applicationId: string; outputTopics: string[] }, principal: string, ownedTopics: ReadonlySet<string>): Record<string, string> | null {
  const prefix = `${principalUser(principal)}.`;
  if (!APPLICATION_ID.test(input.applicationId)) return { applicationId: "Letters, digits, dots, dashes and underscores only." };
  if (!input.applicationId.startsWith(prefix) || input.applicationId.length === prefix.length) {
    return { applicationId: `Start it with ${prefix}: Kafka lets ${principal} use consumer groups under that prefix only.` };
  }
  if (input.outputTopics.length === 0) return { outputTopics: "Name the topics it writes." };
  const foreign = input.outputTopics.find((t) => !ownedTopics.has(t));
  if (foreign) return { outputTopics: `A processor writes only to its team's own topics; ${foreign} is not one of them.` };
  return null;
}

/** The ACL its internal topics need: everything on topics prefixed "<applicationId>-" (changelogs, repartitions). */
export function internalTopicBinding(applicationId: string, principal: string): AclBinding {
  return { resourceType: "TOPIC", name: `${applicationId}-`, patternType: "PREFIXED", principal, host: "*", operation: "ALL", permission: "ALLOW" };
}
