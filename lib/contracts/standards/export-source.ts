import "server-only";
import type { Viewer } from "@/lib/auth";
import { env } from "@/lib/env";
import { getDataProduct } from "@/lib/catalog";
import { definitionText } from "../formats";
import { parseStored } from "../port-context";
import { getContract } from "../product-contract";
import { odcsYaml } from "./odcs-export";
import { odpsYaml } from "./odps-export";
import type { ExportSource } from "./types";

/** What the ODCS/ODPS documents of a product are built from; NOT_FOUND exactly when the product page would be. */
export async function exportSourceFor(viewer: Viewer, slug: string): Promise<ExportSource> {
  const { product } = await getDataProduct(viewer, slug);
  const contract = await getContract(product.id);
  return {
    slug: product.slug,
    name: product.name,
    description: product.description,
    lifecycle: product.lifecycle,
    classification: product.classification,
    containsPii: product.containsPii,
    tags: product.tags,
    domain: product.domain.slug,
    team: {
      slug: product.ownerTeam.slug,
      name: product.ownerTeam.name,
      maintainers: product.ownerTeam.memberships.map((m) => ({ name: m.user.name, email: m.user.email })),
    },
    contractVersion: contract.versions[0]?.version ?? null,
    freshnessMinutes: product.freshnessSlaMinutes,
    availabilityPercent: product.availabilityPercent,
    retentionHours: contract.current.retentionHours,
    termsOfUse: product.termsOfUse,
    supportChannel: product.supportChannel,
    bootstrap: env.KAFKA_PUBLIC_BOOTSTRAP || env.KAFKA_BROKERS,
    ports: product.outputPorts.map((p) => {
      const current = p.schemaVersions[0];
      return {
        name: p.name,
        topic: p.topic,
        partitions: p.partitions,
        replicationFactor: p.replicationFactor,
        retentionHours: Number(p.retentionMs / 3_600_000n),
        cleanupPolicy: p.cleanupPolicy,
        compatibility: p.compatibility,
        schema: current
          ? { format: current.format, version: current.version, text: definitionText(current.format, current.definition), fields: parseStored(current.format, current.definition).fields }
          : null,
        qualityRules: contract.current.ports.find((c) => c.topic === p.topic)?.qualityRules ?? [],
        personalDataFields: p.personalDataFields,
      };
    }),
  };
}

export async function exportOdcs(viewer: Viewer, slug: string): Promise<string> {
  return odcsYaml(await exportSourceFor(viewer, slug));
}

export async function exportOdps(viewer: Viewer, slug: string): Promise<string> {
  return odpsYaml(await exportSourceFor(viewer, slug));
}
