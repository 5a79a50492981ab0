import { describe, expect, it } from "vitest";
import type { ConfigValidation } from "./client";
import { formFields, validationErrors } from "./plugin-fields";

const def = (name: string, group: string | null, type = "STRING", order = -1) => ({
  definition: { name, type, required: false, default_value: null, importance: "HIGH", documentation: `${name} doc`, group, display_name: name, order },
  value: { name, value: null, recommended_values: [], errors: [] as string[], visible: true },
});

const validation = (errors: Record<string, string> = {}): ConfigValidation => {
  const configs = [def("name", "Common"), def("tasks.max", "Common", "INT", 3), def("topics", "Common", "LIST"), def("errors.deadletterqueue.topic.name", "Error Handling"), def("file", null), def("db.password", "Connection", "PASSWORD", 2)];
  for (const c of configs) if (errors[c.definition.name]) c.value.errors = [errors[c.definition.name]!];
  return { name: "x", error_count: Object.keys(errors).length, configs };
};

describe("formFields", () => {
  it("offers the plugin's own fields and tasks.max, never framework settings", () => {
    const fields = formFields(validation());
    expect(fields.map((f) => f.name)).toEqual(["file", "db.password", "tasks.max"]);
    expect(fields.find((f) => f.name === "db.password")?.secret).toBe(true);
    expect(fields.find((f) => f.name === "file")?.secret).toBe(false);
  });
});

describe("validationErrors", () => {
  it("puts Connect's errors at the form's fields", () => {
    expect(validationErrors(validation({ file: "bad file", topics: "Must configure one of topics or topics.regex", name: "taken" }))).toEqual({
      "config.file": "bad file",
      topics: "Must configure one of topics or topics.regex",
      name: "taken",
    });
  });
});
