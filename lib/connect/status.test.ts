import { describe, expect, it } from "vitest";
import { firstLines, overallState } from "./status";

const status = (connector: string, tasks: { state: string; trace?: string }[]) => ({ name: "n", connector: { state: connector }, tasks: tasks.map((t, id) => ({ ...t, id })) });

describe("overallState", () => {
  it("is FAILED with the first lines of the trace when any task failed", () => {
    const trace = ["org.apache.kafka.common.errors.TopicAuthorizationException: Not authorized", "\tat a", "\tat b", "\tat c", "\tat d", "\tat e", "\tat f"].join("\n");
    const h = overallState(status("RUNNING", [{ state: "RUNNING" }, { state: "FAILED", trace }]));
    expect(h.state).toBe("FAILED");
    expect(h.error?.split("\n")).toHaveLength(6);
    expect(h.error).toMatch(/^org\.apache\.kafka\.common\.errors\.TopicAuthorizationException/);
  });

  it("is the connector's state otherwise", () => {
    expect(overallState(status("PAUSED", [{ state: "PAUSED" }]))).toEqual({ state: "PAUSED", error: null });
  });

  it("keeps short traces whole", () => {
    expect(firstLines("one\ntwo")).toBe("one\ntwo");
  });
});
