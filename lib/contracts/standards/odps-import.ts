import { supportChannelProblem } from "../contract-model";
import { odpsSchema } from "./odps-schema";
import { issueAt, readYaml, type Read } from "./read-yaml";
import { statusToLifecycle, type ImportedProduct } from "./types";

// An ODPS v1.0.0 file read into Meshport's terms (the inverse of odps-export.ts).

export function readOdps(text: string): Read<ImportedProduct> {
  const read = readYaml(text, odpsSchema);
  if (!read.ok) return read;
  const doc = read.value;
  const url = doc.support?.[0]?.url.replace(/^mailto:/i, "") ?? null;
  if (url && supportChannelProblem(url)) return { ok: false, issues: [issueAt(text, ["support", 0, "url"], "The support url is an https:// link or a mailto: address.")] };
  return {
    ok: true,
    value: {
      id: doc.id,
      name: doc.name ?? null,
      lifecycle: statusToLifecycle(doc.status),
      domain: doc.domain ?? null,
      purpose: doc.description?.purpose ?? "",
      tags: doc.tags ?? [],
      supportChannel: url,
      team: doc.team?.name ?? null,
      outputContractIds: doc.outputPorts.flatMap((p) => (p.contractId ? [p.contractId] : [])),
    },
  };
}
