import { describe, expect, it } from "vitest";
import { accessClosedReason, checkDeprecation, checkPublish, earliestSunset, retirementBlockers, transitionsFrom, type LifecycleState } from "./lifecycle";

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
    ["deprecated before sunset dates existed: it gets one", { lifecycle: "DEPRECATED", currentSunsetAt: null }, {}],
    ["deprecated with a sunset already", { lifecycle: "DEPRECATED", currentSunsetAt: day("2027-01-01") }, { form: "Only active products can be deprecated (this one is deprecated)." }],
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

describe("checkPublish and the transitions", () => {
  it.each<[string, Parameters<typeof checkPublish>[0], Record<string, string>]>([
    ["a draft with a port", { lifecycle: "DRAFT", ports: 1 }, {}],
    ["a draft without ports", { lifecycle: "DRAFT", ports: 0 }, { form: "Add an output port before publishing." }],
    ["an active product", { lifecycle: "ACTIVE", ports: 2 }, { form: "Only drafts are published (this product is active)." }],
    ["a retired product", { lifecycle: "RETIRED", ports: 1 }, { form: "Only drafts are published (this product is retired)." }],
  ])("%s", (_what, facts, expected) => {
    expect(checkPublish(facts)).toEqual(expected);
  });
  it.each<[LifecycleState, string[]]>([
    ["DRAFT", ["publish"]],
    ["ACTIVE", ["deprecate"]],
    ["DEPRECATED", ["retire"]],
    ["RETIRED", []],
  ])("from %s the owner may %j", (state, expected) => {
    expect(transitionsFrom(state)).toEqual(expected);
  });
});

describe("accessClosedReason", () => {
  it.each<[string, { lifecycle: string; sunsetAt?: Date | null }, string | null]>([
    ["active", { lifecycle: "ACTIVE" }, null],
    ["deprecated, sunset ahead", { lifecycle: "DEPRECATED", sunsetAt: day("2026-12-24") }, null],
    ["deprecated, sunset passed", { lifecycle: "DEPRECATED", sunsetAt: day("2026-11-30") }, "The product is past its sunset: it takes no new access requests."],
    ["draft", { lifecycle: "DRAFT" }, "Access can only be requested to published products."],
    ["retired", { lifecycle: "RETIRED" }, "Access can only be requested to published products."],
  ])("%s", (_what, product, expected) => {
    expect(accessClosedReason(product, now)).toBe(expected);
  });
});
