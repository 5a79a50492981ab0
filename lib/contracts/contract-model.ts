import { z } from "zod";
import { multiLine, singleLine, wholeNumber } from "@/lib/validation";
import { LIMITS } from "@/lib/governance/policies";
import type { QualityRule } from "./quality";
import type { SchemaFormat } from "./model";

// The product-level part of a data contract (objectives, terms, support) and the snapshot each saved
// contract version keeps. Client-safe: the edit form validates with the same schema as the server.

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** An https/http URL or an e-mail address (a `mailto:` prefix is accepted and dropped). */
export function supportChannelProblem(value: string): string | null {
  const v = value.replace(/^mailto:/i, "");
  if (EMAIL.test(v)) return null;
  try {
    const url = new URL(value);
    if ((url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".")) return null;
  } catch {
    // not a URL: the message below says what is expected
  }
  return "Enter an https:// link or an e-mail address.";
}

/** The link a support channel opens: mailto: for an address. */
export const supportHref = (channel: string) => (EMAIL.test(channel) ? `mailto:${channel}` : channel);

const DECIMAL = /^[0-9]{1,3}(\.[0-9]{1,3})?$/;
const AVAILABILITY_MESSAGE = "Enter a percentage such as 99.9 (up to 3 decimals).";

/** A percentage above 0 and at most 100, as typed ("99.9") or as a number; empty means none. */
const availability = z
  .unknown()
  .transform((v, ctx) => {
    if (v === "" || v === null || v === undefined) return null;
    const n = typeof v === "number" ? v : typeof v === "string" && DECIMAL.test(v.trim()) ? Number(v.trim()) : NaN;
    if (!Number.isFinite(n) || n <= 0 || n > 100) {
      ctx.addIssue({ code: "custom", message: AVAILABILITY_MESSAGE });
      return z.NEVER;
    }
    return Math.round(n * 1000) / 1000;
  });

const retentionHours = z
  .union([z.literal(""), z.null(), wholeNumber({ min: [1, "At least 1 hour."], max: [LIMITS.retentionHours, `At most ${LIMITS.retentionHours} hours.`] })])
  .optional()
  .transform((v) => (v === "" || v === undefined ? null : v));

export const productContractSchema = z.object({
  productId: z.string().min(1).max(40),
  availabilityPercent: availability,
  retentionObjectiveHours: retentionHours,
  termsOfUse: z.union([z.literal(""), multiLine().max(20_000, "Use at most 20000 characters.")]),
  supportChannel: z
    .union([z.literal(""), z.null(), singleLine().max(500, "Use at most 500 characters.")])
    .optional()
    .transform((v) => (v ? v.replace(/^mailto:/i, "") : null))
    .refine((v) => v === null || supportChannelProblem(v) === null, { message: "Enter an https:// link or an e-mail address." }),
});
export type ProductContractInput = z.input<typeof productContractSchema>;
export type ProductContract = z.output<typeof productContractSchema>;

/** What one saved contract version holds. Port rules and schema versions are copied as they were at save time. */
export type ContractSnapshot = {
  availabilityPercent: number | null;
  /** The owner's objective, or the ports' shortest retention when they set none. */
  retentionHours: number | null;
  retentionDerived: boolean;
  freshnessMinutes: number | null;
  termsOfUse: string;
  supportChannel: string | null;
  ports: Array<{
    name: string;
    topic: string;
    schemaVersion: number | null;
    schemaFormat: SchemaFormat | null;
    qualityRules: QualityRule[];
    personalDataFields: string[];
  }>;
};

/** The ports' shortest retention in whole hours (what every port can keep), null without ports. */
export function shortestRetentionHours(ports: Array<{ retentionMs: bigint | number }>): number | null {
  if (ports.length === 0) return null;
  return Math.floor(Math.min(...ports.map((p) => Number(p.retentionMs))) / 3_600_000);
}

/** Null when the objective can be kept by every port; else the message at the field. */
export function retentionProblem(objectiveHours: number | null, shortestHours: number | null): string | null {
  if (objectiveHours === null || shortestHours === null) return null;
  return objectiveHours > shortestHours ? `The topics keep data ${shortestHours} hours; promise at most that (or raise their retention first).` : null;
}
