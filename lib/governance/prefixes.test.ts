import { describe, expect, it } from "vitest";
import { allowedTopicPrefixes, topicNameUnder, prefixConflict, prefixesOverlap, topicOutsidePrefixes, type OwnedPrefix } from "./prefixes";

const owned: OwnedPrefix[] = [
  { prefix: "sales.", teamId: "t-sales", teamName: "Sales Engineering" },
  { prefix: "inventory.stock-", teamId: "t-inv", teamName: "Inventory Systems" },
];

describe("prefixesOverlap", () => {
  it.each([
    ["sales.", "sales.", true],
    ["sales.", "sales.orders-", true],
    ["sales.orders-", "sales.", true],
    ["sales.", "salesforce.", false],
    ["sales-", "sales.", false],
    ["inventory.stock-", "inventory.", true],
    ["inventory.stock-", "inventory.stocks-", false],
  ])("%s and %s → %s", (a, b, expected) => {
    expect(prefixesOverlap(a, b)).toBe(expected);
  });
});

describe("prefixConflict", () => {
  it.each<[string, string, string | null]>([
    ["payments.", "t-pay", null],
    ["salesforce.", "t-pay", null],
    ["sales.returns-", "t-pay", '"sales.returns-" overlaps "sales.", owned by team Sales Engineering.'],
    ["inventory.", "t-pay", '"inventory." overlaps "inventory.stock-", owned by team Inventory Systems.'],
    ["sales.", "t-sales", 'The team already owns "sales.".'],
    ["sales.", "t-pay", '"sales." is already owned by team Sales Engineering.'],
    ["sales.orders-", "t-sales", '"sales.orders-" overlaps "sales.", which this team already owns.'],
    ["Sales.", "t-pay", '"Sales." is not a topic prefix: use lowercase letters, digits, dots and dashes, starting with a letter and ending with "." or "-".'],
    ["sales", "t-pay", '"sales" is not a topic prefix: use lowercase letters, digits, dots and dashes, starting with a letter and ending with "." or "-".'],
    ["1sales.", "t-pay", '"1sales." is not a topic prefix: use lowercase letters, digits, dots and dashes, starting with a letter and ending with "." or "-".'],
  ])("%s for %s", (prefix, teamId, expected) => {
    expect(prefixConflict(prefix, teamId, owned)).toBe(expected);
  });
});

describe("topics under prefixes", () => {
  it("a team without prefixes keeps its domain's namespace", () => {
    expect(allowedTopicPrefixes([], "sales")).toEqual(["sales."]);
    expect(allowedTopicPrefixes(["shop.", "web-"], "sales")).toEqual(["shop.", "web-"]);
  });
  it.each<[string, string[], string | null]>([
    ["sales.orders.v1", ["sales."], null],
    ["web-clicks.raw.v2", ["shop.", "web-"], null],
    ["payments.orders.v1", ["sales."], 'The topic "payments.orders.v1" must start with the team\'s prefix "sales.".'],
    ["salesforce.leads.v1", ["sales."], 'The topic "salesforce.leads.v1" must start with the team\'s prefix "sales.".'],
    ["other.x.v1", ["shop.", "web-"], 'The topic "other.x.v1" must start with one of the team\'s prefixes "shop.", "web-".'],
  ])("%s under %j", (topic, allowed, expected) => {
    expect(topicOutsidePrefixes(topic, allowed)).toBe(expected);
  });
});

describe("topicNameUnder", () => {
  it("puts the product's name and major version under the prefix", () => {
    expect(topicNameUnder("sales.", "orders")).toBe("sales.orders.v1");
    expect(topicNameUnder("web-", "clicks", 2)).toBe("web-clicks.v2");
  });
});
