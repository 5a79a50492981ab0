// Editing a product's metadata: same validation and policies as creation, audited before → after.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth";
import { editDataProduct } from "@/lib/catalog";
import { editDataProductSchema } from "@/lib/catalog/schemas";
import { teamId, unique, viewerByEmail } from "../support/viewers";

let sam: Viewer;
let sofia: Viewer;
let productId: string;

beforeAll(async () => {
  [sam, sofia] = await Promise.all([viewerByEmail("sam@example.com"), viewerByEmail("sofia@example.com")]);
  const sales = await teamId("sales");
  const domain = await db.team.findUniqueOrThrow({ where: { id: sales } });
  productId = (await db.dataProduct.create({
    data: { slug: unique("it-edit"), name: "Editable", description: "Before the edit.", domainId: domain.domainId, ownerTeamId: sales, tags: ["orders"] },
  })).id;
});
afterAll(() => db.policy.deleteMany());

const edit = (over: Record<string, unknown> = {}) =>
  editDataProductSchema.parse({
    productId, name: "Editable", description: "Before the edit.", classification: "INTERNAL", containsPii: false, tags: "orders", freshnessSlaMinutes: "", ...over,
  });

describe("editDataProduct", () => {
  it("writes and audits only what changed, before → after", async () => {
    const result = await editDataProduct(sam, edit({ name: "Edited name", tags: "orders, gold", freshnessSlaMinutes: "15" }));
    expect(result.changed).toEqual(["name", "tags", "freshnessSlaMinutes"]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: productId, action: "data-product.updated" }, orderBy: { at: "desc" } });
    expect(event).toMatchObject({
      actorId: sam.id,
      before: { name: "Editable", tags: ["orders"] },
      after: { name: "Edited name", tags: ["orders", "gold"], freshnessSlaMinutes: 15 },
    });
    expect(await db.dataProduct.findUniqueOrThrow({ where: { id: productId } })).toMatchObject({ name: "Edited name", freshnessSlaMinutes: 15 });
    expect((await editDataProduct(sam, edit({ name: "Edited name", tags: "orders, gold", freshnessSlaMinutes: 15 }))).changed).toEqual([]);
  });

  it("applies creation's policies: personal data needs a high enough classification; required tags", async () => {
    await expect(editDataProduct(sam, edit({ containsPii: true }))).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { classification: "Products with personal data must be classified CONFIDENTIAL or higher." },
    });
    await db.policy.create({ data: { key: "requiredTagsAnyOf", value: ["certified"] } });
    await expect(editDataProduct(sam, edit({ description: "A new description." }))).rejects.toMatchObject({
      fieldErrors: { tags: "Add at least one of these tags: certified." },
    });
    await db.policy.deleteMany();
    expect((await db.dataProduct.findUniqueOrThrow({ where: { id: productId } })).containsPii).toBe(false);
  });

  it("refuses members who do not maintain the owning team, and bad input at the field", async () => {
    await expect(editDataProduct(sofia, edit({ name: "Not mine" }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    const parsed = editDataProductSchema.safeParse({ ...edit(), name: "x", description: "short" });
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["name", "Use at least 3 characters."],
      ["description", "Describe the product in a sentence or more."],
    ]);
  });
});
