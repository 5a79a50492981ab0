import "server-only";
import { db } from "@/lib/db";
import { can, membershipIn, type Viewer } from "@/lib/auth";
import { KafkaOperationError, KafkaUnavailableError, readRecentMessages } from "@/lib/kafka";
import { RegistryUnavailableError } from "@/lib/schema-registry";
import { decodeMessages, type Decoded } from "./conformance";
import { maskPersonalData } from "./quality";

export type SampleData =
  | { state: "hidden" }
  | { state: "unavailable"; reason: string }
  | { state: "ok"; masked: string[]; messages: Decoded[] };

/**
 * The latest few messages of a port, decoded, for the owning team and teams with access only; fields
 * marked as personal data are masked for everyone but the owning team.
 */
export async function getSampleData(viewer: Viewer, outputPortId: string, count = 5): Promise<SampleData> {
  const port = await db.outputPort.findUnique({
    where: { id: outputPortId },
    include: {
      dataProduct: { select: { ownerTeamId: true, lifecycle: true } },
      grants: { where: { kind: "CONSUME", status: "ACTIVE" }, select: { teamId: true } },
      schemaVersions: { where: { part: "VALUE" }, orderBy: { version: "desc" }, take: 1 },
    },
  });
  if (!port) return { state: "hidden" };
  if (!can(viewer, { permission: "read:sample-data", product: port.dataProduct, consumerTeamIds: port.grants.map((g) => g.teamId) })) return { state: "hidden" };
  const masked = membershipIn(viewer, port.dataProduct.ownerTeamId) ? [] : port.personalDataFields;
  // A topic still being created (or already deleted) has nothing to show; asking Kafka for it fails.
  if (port.provisioning !== "APPLIED" || port.removedAt) return { state: "unavailable", reason: "The topic is not in Kafka yet: sample data shows once it is created." };
  try {
    const decoded = await decodeMessages(await readRecentMessages(port.topic, count, 4000), port.schemaVersions[0] ?? null);
    return { state: "ok", masked, messages: decoded.reverse().map((m) => ({ ...m, value: maskPersonalData(m.value, masked) })) };
  } catch (e) {
    // A page section, not the page: whatever Kafka or the registry answers, say it here.
    if (e instanceof KafkaUnavailableError || e instanceof KafkaOperationError || e instanceof RegistryUnavailableError) return { state: "unavailable", reason: e.message };
    throw e;
  }
}
