import type { CompatibilityMode } from "@/lib/schema-registry/types";
import { satisfiesFloor } from "@/lib/contracts/compatibility";
import { checkProductMetadata, checkTopicLimits, type Classification, type Policies } from "./policies";

// Which existing products break the policies in force (or a set about to be applied). The same pure
// checks creation and edits run (checkProductMetadata, checkTopicLimits, the compatibility floor of
// set-compatibility): a product is listed, never changed (docs/decisions/0053).

export type PortComplianceFacts = {
  topic: string;
  partitions: number;
  replicationFactor: number;
  retentionHours: number;
  compatibility: CompatibilityMode;
};

export type ProductComplianceFacts = {
  slug: string;
  name: string;
  teamName: string;
  lifecycle: "DRAFT" | "ACTIVE" | "DEPRECATED" | "RETIRED";
  classification: Classification;
  containsPii: boolean;
  tags: string[];
  /** Teams with an active grant: the compatibility floor binds active products that have consumers. */
  consumerCount: number;
  ports: PortComplianceFacts[];
};

export type Violation = {
  productSlug: string;
  productName: string;
  teamName: string;
  /** The port's topic, or null for a rule on the product itself. */
  topic: string | null;
  /** The policy-checked field: classification, tags, partitions, replicationFactor, retentionHours, compatibility. */
  field: string;
  rule: string;
};

/** Every rule each live product or port breaks under `policies`, products in the given order. Retired products are gone from Kafka: never listed. */
export function findViolations(products: ProductComplianceFacts[], policies: Policies): Violation[] {
  return products
    .filter((p) => p.lifecycle !== "RETIRED")
    .flatMap((p) => {
      const who = { productSlug: p.slug, productName: p.name, teamName: p.teamName };
      const own = Object.entries(checkProductMetadata(p, policies)).map(([field, rule]) => ({ ...who, topic: null, field, rule }));
      const ports = p.ports.flatMap((port) => {
        // Broker count unknown here: the policy's own cap is what an admin's change can tighten.
        const limits = Object.entries(checkTopicLimits(port, undefined, policies)).map(([field, rule]) => ({ ...who, topic: port.topic, field, rule }));
        const floor = policies.minSchemaCompatibility;
        const compat =
          p.lifecycle === "ACTIVE" && p.consumerCount > 0 && !satisfiesFloor(port.compatibility, floor)
            ? [{ ...who, topic: port.topic, field: "compatibility", rule: `Active products with consumers must keep at least ${floor} compatibility (this port has ${port.compatibility}).` }]
            : [];
        return [...limits, ...compat];
      });
      return [...own, ...ports];
    });
}

/** How many products break at least one rule. */
export function countViolatingProducts(violations: Violation[]): number {
  return new Set(violations.map((v) => v.productSlug)).size;
}

/** Products that comply with `before` but not with `after`: what a tightening would newly catch. */
export function newlyViolating(products: ProductComplianceFacts[], before: Policies, after: Policies): string[] {
  const was = new Set(findViolations(products, before).map((v) => v.productSlug));
  return [...new Set(findViolations(products, after).map((v) => v.productSlug))].filter((slug) => !was.has(slug));
}
