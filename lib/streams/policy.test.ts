import { describe, expect, it } from "vitest";
import { internalTopicBinding, processorErrors } from "./policy";

const owned = new Set(["payments.hourly-order-counts.v1"]);

describe("processorErrors", () => {
  it("accepts an application under the principal's prefix writing the team's own topics", () => {
    expect(processorErrors({ applicationId: "team-payments.hourly", outputTopics: ["payments.hourly-order-counts.v1"] }, "User:team-payments", owned)).toBeNull();
  });

  it("refuses an id outside the prefix, a bare prefix, and bad characters", () => {
    expect(processorErrors({ applicationId: "hourly", outputTopics: [...owned] }, "User:team-payments", owned)?.applicationId).toMatch(/Start it with team-payments\./);
    expect(processorErrors({ applicationId: "team-payments.", outputTopics: [...owned] }, "User:team-payments", owned)?.applicationId).toMatch(/Start it with/);
    expect(processorErrors({ applicationId: "team-payments.a b", outputTopics: [...owned] }, "User:team-payments", owned)?.applicationId).toMatch(/Letters/);
  });

  it("refuses outputs the team does not own", () => {
    expect(processorErrors({ applicationId: "team-payments.x", outputTopics: ["sales.orders.v1"] }, "User:team-payments", owned)?.outputTopics).toMatch(/own topics/);
    expect(processorErrors({ applicationId: "team-payments.x", outputTopics: [] }, "User:team-payments", owned)?.outputTopics).toMatch(/Name the topics/);
  });
});

describe("internalTopicBinding", () => {
  it("covers the application's internal topics only", () => {
    expect(internalTopicBinding("team-payments.hourly", "User:team-payments")).toMatchObject({ name: "team-payments.hourly-", patternType: "PREFIXED", operation: "ALL" });
  });
});
