import { z } from "zod";
import { wholeNumber } from "@/lib/validation";
import { MAX_POLICIES_YAML_CHARS } from "./policy-yaml";

// The admin page's YAML actions. The text is kept exactly as typed (no trimming, no normalising):
// problems are reported at their line and column, and parsePoliciesYaml applies the text rules itself.
const policiesYaml = z
  .string({ error: "Paste a policies file." })
  .min(1, "Paste a policies file, or choose one.")
  .max(MAX_POLICIES_YAML_CHARS, `The file is too long: at most ${MAX_POLICIES_YAML_CHARS} characters.`);

export const planPoliciesSchema = z.object({ yaml: policiesYaml });
export const applyPoliciesSchema = z.object({
  yaml: policiesYaml,
  /** The version the plan was made against. */
  baseVersion: wholeNumber({ min: [0, "This is not a version."], max: [2_147_483_647, "This is not a version."] }),
});

/** A version number from the page's URL (?from=2&to=5): anything else is no version, so no link fails. */
const versionParam = z.unknown().transform((v) => {
  const first = Array.isArray(v) ? (v[0] as unknown) : v;
  return typeof first === "string" && /^[0-9]{1,9}$/.test(first) ? Number(first) : undefined;
});

export const policyCompareSchema = z.object({ from: versionParam.optional(), to: versionParam.optional() });
