import { z } from "zod";
import type { FieldErrors } from "@/lib/errors";

// Federated computational governance: the organisation's rules as data that
// admins set, checked by code on every change. Pure, so it is unit-tested.

export const CLASSIFICATIONS = ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const policiesSchema = z.object({
  maxPartitions: z.number().int().min(1).max(10_000),
  maxReplicationFactor: z.number().int().min(1).max(10),
  minRetentionHours: z.number().int().min(1),
  maxRetentionHours: z.number().int().min(1),
  /** Longest access a single request may ask for. */
  maxAccessDays: z.number().int().min(1).max(3650),
  /** Products holding personal data must be classified at least this high. */
  piiMinClassification: z.enum(CLASSIFICATIONS),
  /** Tags every product must carry at least one of, empty for none. */
  requiredTagsAnyOf: z.array(z.string()),
});
export type Policies = z.infer<typeof policiesSchema>;

/** The admin form: the same rules, plus the ones that span two fields, with messages for people. */
export const policiesFormSchema = z
  .object({
    maxPartitions: z.coerce.number().int("Use a whole number.").min(1, "At least 1.").max(10_000, "At most 10000."),
    maxReplicationFactor: z.coerce.number().int("Use a whole number.").min(1, "At least 1.").max(10, "At most 10."),
    minRetentionHours: z.coerce.number().int("Use a whole number.").min(1, "At least 1 hour."),
    maxRetentionHours: z.coerce.number().int("Use a whole number.").min(1, "At least 1 hour."),
    maxAccessDays: z.coerce.number().int("Use a whole number.").min(1, "At least 1 day.").max(3650, "At most 3650 days."),
    piiMinClassification: z.enum(CLASSIFICATIONS, { message: "Choose a classification." }),
    requiredTagsAnyOf: z
      .union([z.string(), z.array(z.string())])
      .transform((v) => (Array.isArray(v) ? v : v.split(/[\s,]+/)).map((t) => t.trim().toLowerCase()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,30}$/, "Tags are short lowercase words.")).max(20)),
  })
  .refine((p) => p.minRetentionHours <= p.maxRetentionHours, {
    path: ["maxRetentionHours"],
    message: "The maximum retention must not be below the minimum.",
  });
export type PoliciesFormInput = z.input<typeof policiesFormSchema>;

export const defaultPolicies: Policies = {
  maxPartitions: 48,
  maxReplicationFactor: 3,
  minRetentionHours: 1,
  maxRetentionHours: 24 * 90,
  maxAccessDays: 365,
  piiMinClassification: "CONFIDENTIAL",
  requiredTagsAnyOf: [],
};

/** Topic names are `<domain>.<product>.v<major>`: the domain in the name makes ownership visible in Kafka itself. */
export function topicNameFor(domainSlug: string, productSlug: string, majorVersion = 1): string {
  return `${domainSlug}.${productSlug}.v${majorVersion}`;
}

export const TOPIC_NAME_PATTERN = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v[0-9]+$/;

export type NewDataProductFacts = {
  domainSlug: string;
  topic: string;
  classification: Classification;
  containsPii: boolean;
  tags: string[];
  partitions: number;
  replicationFactor: number;
  retentionHours: number;
  /** Live brokers in the cluster, when known: replication cannot exceed it. */
  brokerCount?: number;
};

/** Field-level violations of the policies; empty when the product complies. */
export function checkNewDataProduct(facts: NewDataProductFacts, policies: Policies): FieldErrors {
  const errors: FieldErrors = {};
  if (!TOPIC_NAME_PATTERN.test(facts.topic) || !facts.topic.startsWith(`${facts.domainSlug}.`)) {
    errors.slug = `The topic name "${facts.topic}" must look like <domain>.<product>.v<major> and start with the owning domain "${facts.domainSlug}".`;
  }
  if (facts.partitions > policies.maxPartitions) {
    errors.partitions = `At most ${policies.maxPartitions} partitions are allowed by policy.`;
  }
  const maxRf = Math.min(policies.maxReplicationFactor, facts.brokerCount ?? Infinity);
  if (facts.replicationFactor > maxRf) {
    errors.replicationFactor =
      facts.brokerCount !== undefined && facts.brokerCount < policies.maxReplicationFactor
        ? `The cluster has ${facts.brokerCount} broker${facts.brokerCount === 1 ? "" : "s"}, so the replication factor can be at most ${maxRf}.`
        : `At most ${maxRf} replicas are allowed by policy.`;
  }
  if (facts.retentionHours < policies.minRetentionHours || facts.retentionHours > policies.maxRetentionHours) {
    errors.retentionHours = `Retention must be between ${policies.minRetentionHours} and ${policies.maxRetentionHours} hours.`;
  }
  if (facts.containsPii && rank(facts.classification) < rank(policies.piiMinClassification)) {
    errors.classification = `Products with personal data must be classified ${policies.piiMinClassification} or higher.`;
  }
  if (policies.requiredTagsAnyOf.length > 0 && !facts.tags.some((t) => policies.requiredTagsAnyOf.includes(t))) {
    errors.tags = `Add at least one of these tags: ${policies.requiredTagsAnyOf.join(", ")}.`;
  }
  return errors;
}

export function rank(c: Classification): number {
  return CLASSIFICATIONS.indexOf(c);
}

/** Latest date an access request may run to, counted from `now`. */
export function latestAccessUntil(now: Date, policies: Policies): Date {
  return new Date(now.getTime() + policies.maxAccessDays * 24 * 3600 * 1000);
}
