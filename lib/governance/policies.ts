import { z } from "zod";
import type { FieldErrors } from "@/lib/errors";
import { tagList, wholeNumber } from "@/lib/validation";
import { topicOutsidePrefixes } from "./prefixes";
import { COMPATIBILITY_MODES } from "@/lib/schema-registry/types";

// Federated computational governance: the organisation's rules as data that
// admins set, checked by code on every change. Pure, so it is unit-tested.

export const CLASSIFICATIONS = ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/**
 * The ceilings of every number a policy or a product may hold, so that no policy can forbid every
 * product and no value overflows what stores it (docs/decisions/0028): partitions and replicas are
 * int4 columns (Kafka: int32, int16), retention goes to Kafka's retention.ms and an int8 column
 * (both far above ten years), access length is added to today's date.
 */
export const LIMITS = { partitions: 10_000, replicationFactor: 10, retentionHours: 87_600, accessDays: 3650, requiredTags: 20 } as const;

const hours = (what: string) =>
  wholeNumber({ min: [1, `${what} is at least 1 hour.`], max: [LIMITS.retentionHours, `${what} is at most ${LIMITS.retentionHours} hours (10 years).`] });

/**
 * The policies, as the admin form sends them and as they are stored: one schema for both (a stored
 * value that no longer passes falls back to the defaults, see load-policies.ts).
 */
const RETENTION_RANGE_MESSAGE = "The maximum retention must not be below the minimum.";

export const policiesSchema = z
  .object({
    maxPartitions: wholeNumber({ min: [1, "At least 1."], max: [LIMITS.partitions, `At most ${LIMITS.partitions}.`] }),
    maxReplicationFactor: wholeNumber({ min: [1, "At least 1."], max: [LIMITS.replicationFactor, `At most ${LIMITS.replicationFactor}.`] }),
    minRetentionHours: hours("The minimum retention"),
    maxRetentionHours: hours("The maximum retention"),
    /** Longest access a single request may ask for. */
    maxAccessDays: wholeNumber({ min: [1, "At least 1 day."], max: [LIMITS.accessDays, `At most ${LIMITS.accessDays} days.`] }),
    /** An active grant whose principal consumed nothing from the product for this many days is flagged as unused. */
    unusedGrantDays: wholeNumber({ min: [1, "At least 1 day."], max: [365, "At most 365 days."] }),
    /** Products holding personal data must be classified at least this high. */
    piiMinClassification: z.enum(CLASSIFICATIONS, { message: "Choose a classification." }),
    /** Tags every product must carry at least one of, empty for none. */
    requiredTagsAnyOf: tagList(LIMITS.requiredTags),
    /** Weakest schema compatibility mode an active product with consumers may use (lib/contracts satisfiesFloor). */
    minSchemaCompatibility: z.enum(COMPATIBILITY_MODES, { message: "Choose a compatibility mode." }).default("BACKWARD"),
  })
  .refine((p) => retentionRangeProblem(p.minRetentionHours, p.maxRetentionHours) === null, {
    path: ["maxRetentionHours"],
    message: RETENTION_RANGE_MESSAGE,
  });

/** Why a retention range admits no topic at all, or null. The form shows it as the admin types (policy-verdicts.ts). */
export function retentionRangeProblem(minHours: number, maxHours: number): string | null {
  return minHours > maxHours ? RETENTION_RANGE_MESSAGE : null;
}
export type Policies = z.output<typeof policiesSchema>;
/** The admin form's schema is the policies' own. */
export const policiesFormSchema = policiesSchema;
export type PoliciesFormInput = z.input<typeof policiesSchema>;

export const defaultPolicies: Policies = {
  maxPartitions: 48,
  maxReplicationFactor: 3,
  minRetentionHours: 1,
  maxRetentionHours: 24 * 90,
  maxAccessDays: 365,
  unusedGrantDays: 14,
  piiMinClassification: "CONFIDENTIAL",
  requiredTagsAnyOf: [],
  minSchemaCompatibility: "BACKWARD",
};

/** Topic names are `<domain>.<product>.v<major>`: the domain in the name makes ownership visible in Kafka itself. */
export function topicNameFor(domainSlug: string, productSlug: string, majorVersion = 1): string {
  return `${domainSlug}.${productSlug}.v${majorVersion}`;
}

/** `<prefix><name>.v<major>`: at least two lowercase segments, then the major version. */
export const TOPIC_NAME_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+\.v[0-9]+$/;

/** The facts about a product itself that policies judge, at creation and on every edit. */
export type ProductMetadataFacts = {
  classification: Classification;
  containsPii: boolean;
  tags: string[];
};

/** The facts about one output port (one topic) that policies judge. */
export type OutputPortFacts = {
  topic: string;
  partitions: number;
  replicationFactor: number;
  retentionHours: number;
};

/** Where the port's topic may live and what the cluster can hold. */
export type OutputPortContext = {
  /** The owning team's prefixes (see allowedTopicPrefixes). */
  allowedPrefixes: string[];
  /** Live brokers in the cluster, when known: replication cannot exceed it. */
  brokerCount?: number;
};

export type NewDataProductFacts = ProductMetadataFacts & OutputPortFacts & OutputPortContext;

/** Violations of the policies on a product's metadata (fields classification, tags); empty when it complies. */
export function checkProductMetadata(facts: ProductMetadataFacts, policies: Policies): FieldErrors {
  const errors: FieldErrors = {};
  if (facts.containsPii && rank(facts.classification) < rank(policies.piiMinClassification)) {
    errors.classification = `Products with personal data must be classified ${policies.piiMinClassification} or higher.`;
  }
  if (policies.requiredTagsAnyOf.length > 0 && !facts.tags.some((t) => policies.requiredTagsAnyOf.includes(t))) {
    errors.tags = `Add at least one of these tags: ${policies.requiredTagsAnyOf.join(", ")}.`;
  }
  return errors;
}

/** The size and retention of a topic, as policies and Kafka's own rules judge them. */
export type TopicLimitsFacts = Omit<OutputPortFacts, "topic">;

/** Violations of the policies' limits on a topic (fields partitions, replicationFactor, retentionHours). */
export function checkTopicLimits(port: TopicLimitsFacts, brokerCount: number | undefined, policies: Policies): FieldErrors {
  const errors: FieldErrors = {};
  if (port.partitions > policies.maxPartitions) {
    errors.partitions = `At most ${policies.maxPartitions} partitions are allowed by policy.`;
  }
  const maxRf = Math.min(policies.maxReplicationFactor, brokerCount ?? Infinity);
  if (port.replicationFactor > maxRf) {
    errors.replicationFactor =
      brokerCount !== undefined && brokerCount < policies.maxReplicationFactor
        ? `The cluster has ${brokerCount} broker${brokerCount === 1 ? "" : "s"}, so the replication factor can be at most ${maxRf}.`
        : `At most ${maxRf} replicas are allowed by policy.`;
  }
  if (port.retentionHours < policies.minRetentionHours || port.retentionHours > policies.maxRetentionHours) {
    errors.retentionHours = `Retention must be between ${policies.minRetentionHours} and ${policies.maxRetentionHours} hours.`;
  }
  return errors;
}

/** Why a topic name breaks the naming policy or falls outside the team's prefixes; null when it is fine. */
export function checkTopicName(topic: string, allowedPrefixes: string[]): string | null {
  if (!TOPIC_NAME_PATTERN.test(topic)) return `The topic name "${topic}" must look like <prefix>.<name>.v<major>, in lowercase.`;
  return topicOutsidePrefixes(topic, allowedPrefixes);
}

/** Violations of the policies on one new output port (fields topic, partitions, replicationFactor, retentionHours). */
export function checkOutputPort(port: OutputPortFacts, ctx: OutputPortContext, policies: Policies): FieldErrors {
  const topic = checkTopicName(port.topic, ctx.allowedPrefixes);
  return { ...(topic ? { topic } : {}), ...checkTopicLimits(port, ctx.brokerCount, policies) };
}

/** Field-level violations of a new single-port product (its topic's error under `slug`, which names it). */
export function checkNewDataProduct(facts: NewDataProductFacts, policies: Policies): FieldErrors {
  const { topic, ...portErrors } = checkOutputPort(facts, facts, policies);
  return { ...(topic ? { slug: topic } : {}), ...portErrors, ...checkProductMetadata(facts, policies) };
}

export function rank(c: Classification): number {
  return CLASSIFICATIONS.indexOf(c);
}

/** Latest date an access request may run to, counted from `now`. */
export function latestAccessUntil(now: Date, policies: Policies): Date {
  return new Date(now.getTime() + policies.maxAccessDays * 24 * 3600 * 1000);
}
