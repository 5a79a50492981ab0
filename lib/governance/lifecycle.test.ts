import { describe, expect, it } from "vitest";
import { checkDeprecation, earliestSunset, retirementBlockers } from "./lifecycle";

const now = new Date("2026-12-01T15:00:00Z");
const day = (s: string) => new Date(`${s}T00:00:00Z`);

describe("checkDeprecation", () => {
  const base = { lifecycle: "ACTIVE" as const, sunsetAt: day("2027-01-31"), productId: "p1" };
  it.each<[string, Partial<Parameters<typeof checkDeprecation>[0]>, Record<string, string>]>([
    ["an active product with a future sunset", {}, {}],
    ["with an active successor", { successor: { id: "p2", lifecycle: "ACTIVE" } }, {}],
    ["a sunset today", { sunsetAt: day("2026-12-01") }, { sunsetDate: "The sunset must be after today, so consumers have time to move (from 2026-12-02)." }],
    ["a sunset in the past", { sunsetAt: day("2026-11-01") }, { sunsetDate: "The sunset must be after today, so consumers have time to move (from 2026-12-02)." }],
    ["no date", { sunsetAt: new Date("x") }, { sunsetDate: "Enter a date." }],
    ["itself as successor", { successor: { id: "p1", lifecycle: "ACTIVE" } }, { successorSlug: "A product cannot succeed itself." }],
    ["a deprecated successor", { successor: { id: "p2", lifecycle: "DEPRECATED" } }, { successorSlug: "The successor must be an active product." }],
    ["a draft", { lifecycle: "DRAFT" }, { form: "Only active products can be deprecated (this one is draft)." }],
  ])("%s", (_what, over, expected) => {
    expect(checkDeprecation({ ...base, ...over }, now)).toEqual(expected);
  });
  it("the earliest sunset is tomorrow (UTC)", () => {
    expect(earliestSunset(now).toISOString()).toBe("2026-12-02T00:00:00.000Z");
  });
});

describe("retirementBlockers", () => {
  const base = { lifecycle: "DEPRECATED" as const, sunsetAt: day("2026-11-30"), activeConsumerGrants: 0, name: "Orders", confirmName: "Orders" };
  it.each<[string, Partial<Parameters<typeof retirementBlockers>[0]>, Record<string, string>]>([
    ["after the sunset, no grants, name typed", {}, {}],
    ["before the sunset", { sunsetAt: day("2026-12-24") }, { form: "The product can be retired after its sunset on 2026-12-24." }],
    ["with consumers left", { activeConsumerGrants: 2 }, { form: "2 consumer grants are still active: wait until they end, or revoke them." }],
    ["not deprecated first", { lifecycle: "ACTIVE", sunsetAt: null }, { form: "Deprecate the product with a sunset date first." }],
    ["the wrong name typed", { confirmName: "orders" }, { confirmName: "Type the product's name, Orders, to confirm." }],
    ["already retired", { lifecycle: "RETIRED" }, { form: "The product is already retired." }],
  ])("%s", (_what, over, expected) => {
    expect(retirementBlockers({ ...base, ...over }, now)).toEqual(expected);
  });
});
