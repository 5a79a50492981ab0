import type { CreateDataProductInput } from "@/lib/catalog/schemas";
import type { ProductContract } from "../contract-model";
import type { QualityRule } from "../quality";
import type { ImportedContract, ImportedProduct } from "./types";

// THE one place an imported ODCS/ODPS pair becomes the create form's input (lib/catalog's
// createDataProduct). The create input takes one output port today: the first ODCS schema object
// becomes it (the import refuses files with more, at the second object's line). When the create
// input takes several ports, map `contract.objects` to them here.

export type ImportChoices = { ownerTeamId: string; slug?: string };
export type ImportDefaults = { partitions: number; replicationFactor: number; retentionHours: number; piiMinClassification: "PUBLIC" | "INTERNAL" | "CONFIDENTIAL" | "RESTRICTED" };

export type ImportPlan = {
  create: CreateDataProductInput;
  /** The rest of the contract, saved as version 1 right after creation. */
  contract: Omit<ProductContract, "productId">;
  /** Per created port, in order: the rules and personal-data fields to set. */
  ports: Array<{ qualityRules: QualityRule[]; personalDataFields: string[] }>;
};

const SLUG = /^[a-z][a-z0-9-]{2,59}$/;
export const slugify = (s: string) =>
  s
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^[^a-z]+/, "")
    .replace(/-+$/, "")
    .slice(0, 60)
    .replace(/-+$/, "");

/** The product's slug: the one chosen on the page, else the ODPS id, else the contract's id (without Meshport's "-contract"), else its name. */
export function importSlug(contract: ImportedContract, product: ImportedProduct | null, chosen?: string): string {
  const candidates = [chosen, product?.id, contract.id.replace(/-contract$/, ""), slugify(product?.name ?? contract.dataProduct ?? contract.name)];
  return candidates.find((c): c is string => Boolean(c && SLUG.test(c))) ?? slugify(contract.name);
}

export function toCreateInput(contract: ImportedContract, product: ImportedProduct | null, choices: ImportChoices, defaults: ImportDefaults): ImportPlan {
  const port = contract.objects[0]!;
  const purpose = (product?.purpose || contract.purpose).trim();
  const name = product?.name ?? contract.dataProduct ?? contract.name;
  const classification = contract.classification ?? (contract.containsPii ? defaults.piiMinClassification : "INTERNAL");
  return {
    create: {
      ownerTeamId: choices.ownerTeamId,
      name,
      slug: importSlug(contract, product, choices.slug),
      description: purpose.length >= 10 ? purpose : `${name}: imported from data contract ${contract.id}.${purpose ? ` ${purpose}` : ""}`,
      classification,
      containsPii: contract.containsPii,
      // A new product starts as a draft unless the files say it is live.
      lifecycle: (product?.lifecycle ?? contract.lifecycle) === "ACTIVE" ? "ACTIVE" : "DRAFT",
      tags: [...new Set([...(product?.tags ?? []), ...contract.tags])],
      partitions: port.partitions ?? defaults.partitions,
      replicationFactor: port.replicationFactor ?? defaults.replicationFactor,
      // The topic keeps data as long as the contract promises; the objective then follows the topic.
      retentionHours: contract.retentionHours ?? defaults.retentionHours,
      cleanupPolicy: port.cleanupPolicy ?? "delete",
      freshnessSlaMinutes: contract.freshnessMinutes,
      schema: port.schemaText,
      schemaFormat: port.format,
      compatibility: (port.compatibility as CreateDataProductInput["compatibility"]) ?? "BACKWARD",
    },
    contract: {
      availabilityPercent: contract.availabilityPercent,
      retentionObjectiveHours: null,
      termsOfUse: contract.termsOfUse,
      supportChannel: product?.supportChannel ?? contract.supportChannel,
    },
    ports: [{ qualityRules: port.qualityRules, personalDataFields: port.personalDataFields }],
  };
}
