// Governance policies set by an admin are enforced on the next change, and audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth";
import { createDataProduct } from "@/lib/catalog";
import { createDataProductSchema } from "@/lib/catalog/schemas";
import { defaultPolicies, loadPolicies, policiesFormSchema, updatePolicies } from "@/lib/governance";
import { closeKafka } from "@/lib/kafka";
import { DomainError } from "@/lib/errors";
import { teamId, unique, viewerByEmail } from "../support/viewers";

let ada: Viewer;
let sam: Viewer;

beforeAll(async () => {
  [ada, sam] = await Promise.all([viewerByEmail("ada@example.com"), viewerByEmail("sam@example.com")]);
});

afterAll(async () => {
  // Other test files share this database: leave the defaults in force.
  await db.policy.deleteMany();
  await closeKafka();
});

describe("policies", () => {
  it("only platform admins may change them", async () => {
    await expect(updatePolicies(sam, { ...defaultPolicies, maxPartitions: 2 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await loadPolicies()).maxPartitions).toBe(defaultPolicies.maxPartitions);
  });

  it("an admin's change is stored, audited and enforced on the next product", async () => {
    await updatePolicies(ada, { ...defaultPolicies, maxPartitions: 4, requiredTagsAnyOf: ["gold"] });
    expect(await loadPolicies()).toMatchObject({ maxPartitions: 4, requiredTagsAnyOf: ["gold"] });

    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "policies.updated" }, orderBy: { at: "desc" } });
    expect(event).toMatchObject({
      actorId: ada.id,
      before: { maxPartitions: defaultPolicies.maxPartitions, requiredTagsAnyOf: [] },
      after: { maxPartitions: 4, requiredTagsAnyOf: ["gold"] },
    });

    const input = createDataProductSchema.parse({
      ownerTeamId: await teamId("sales"),
      name: "Too many partitions",
      slug: unique("it-policy"),
      description: "Refused by the admin's new policy.",
      classification: "INTERNAL",
      containsPii: false,
      lifecycle: "ACTIVE",
      tags: "silver",
      partitions: 6,
      replicationFactor: 1,
      retentionHours: 24,
      cleanupPolicy: "delete",
      schema: "",
    });
    const error = await createDataProduct(sam, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fieldErrors).toEqual({
      partitions: "At most 4 partitions are allowed by policy.",
      tags: "Add at least one of these tags: gold.",
    });
  });

  it("the form schema refuses a maximum retention below the minimum, at that field", () => {
    const r = policiesFormSchema.safeParse({ ...defaultPolicies, minRetentionHours: 48, maxRetentionHours: 24 });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["maxRetentionHours", "The maximum retention must not be below the minimum."],
    ]);
  });
});
