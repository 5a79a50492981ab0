import { Fragment } from "react";
import { getContract } from "@/lib/contracts";
import { supportHref, type ContractSnapshot, type ProductContractInput } from "@/lib/contracts/contract-model";
import { describeRule } from "@/lib/contracts/quality";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Markdown } from "@/components/ui/markdown";
import type { ActionResult } from "@/lib/action-result";
import { ContractForm } from "./contract-form";
import { PortContractForm } from "./port-contract-form";
import { formatRuleLines, type PortContractFormInput } from "@/lib/contracts/rule-lines";
import { outageAware } from "@/components/layout/outage-aware";

const hours = (h: number) => (h % 24 === 0 ? `${h / 24} day${h === 24 ? "" : "s"}` : `${h} hour${h === 1 ? "" : "s"}`);

/** One snapshot's promises in words (the current contract, or a version in the history). */
function Promises({ s }: { s: ContractSnapshot }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="text-slate-500">Availability</dt>
      <dd data-testid="contract-availability">{s.availabilityPercent !== null ? `${s.availabilityPercent} %` : "No objective"}</dd>
      <dt className="text-slate-500">Freshness</dt>
      <dd>{s.freshnessMinutes !== null ? `within ${s.freshnessMinutes} minute${s.freshnessMinutes === 1 ? "" : "s"}` : "No objective"}</dd>
      <dt className="text-slate-500">Retention</dt>
      <dd>{s.retentionHours !== null ? `${hours(s.retentionHours)}${s.retentionDerived ? " (what the topics keep)" : ""}` : "No port yet"}</dd>
      <dt className="text-slate-500">Support</dt>
      <dd data-testid="contract-support">
        {s.supportChannel ? (
          <a className="text-indigo-700 hover:underline" href={supportHref(s.supportChannel)} rel="noreferrer">
            {s.supportChannel}
          </a>
        ) : (
          "The owning team (see Owners)"
        )}
      </dd>
      {s.ports.map((p) => (
        <Fragment key={p.topic}>
          <dt className="font-mono text-xs text-slate-500">{p.topic}</dt>
          <dd className="text-xs text-slate-600">
            schema {p.schemaVersion !== null ? `v${p.schemaVersion}` : "none"}
            {p.qualityRules.length > 0 ? ` · ${p.qualityRules.map(describeRule).join("; ")}` : ""}
            {p.personalDataFields.length > 0 ? ` · personal data: ${p.personalDataFields.join(", ")}` : ""}
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** The product's contract: objectives, terms, support, downloads in the Bitol standards, history, and the owners' form. */
async function ProductContractSection({
  product,
  owner,
  submit,
  submitPort,
}: {
  product: { id: string; slug: string };
  owner: boolean;
  submit: (input: ProductContractInput) => Promise<ActionResult<{ version: number; changed: boolean }>>;
  submitPort: (input: PortContractFormInput) => Promise<ActionResult<{ version: number | null }>>;
}) {
  const contract = await getContract(product.id);
  const { current, versions } = contract;
  const latest = versions[0]?.version ?? 1;
  return (
    <Card>
      <CardHeader
        title="Contract"
        description={`Version ${latest}${versions.length === 0 ? " (as created)" : ""}`}
        actions={
          <span className="flex gap-3 text-sm">
            <a className="font-medium text-indigo-700 hover:underline" href={`/products/${product.slug}/contract.odcs.yaml`} download>
              ODCS YAML
            </a>
            <a className="font-medium text-indigo-700 hover:underline" href={`/products/${product.slug}/product.odps.yaml`} download>
              ODPS YAML
            </a>
          </span>
        }
      />
      <CardBody className="space-y-4">
        <section aria-label="Contract">
          <Promises s={current} />
          <h3 className="mt-4 text-sm font-semibold text-slate-900">Terms of use</h3>
          <div data-testid="contract-terms">{current.termsOfUse ? <Markdown>{current.termsOfUse}</Markdown> : <p className="text-sm text-slate-500">None stated.</p>}</div>
        </section>
        {owner ? (
          <details className="rounded-md ring-1 ring-slate-200">
            <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-800">Edit contract</summary>
            <div className="border-t border-slate-100 p-3">
              <ContractForm
                submit={submit}
                shortestRetentionHours={contract.shortestRetentionHours}
                current={{
                  productId: product.id,
                  availabilityPercent: current.availabilityPercent?.toString() ?? "",
                  retentionObjectiveHours: contract.retentionObjectiveHours?.toString() ?? "",
                  termsOfUse: current.termsOfUse,
                  supportChannel: current.supportChannel ?? "",
                }}
              />
              {contract.ports.map((p) => (
                <div key={p.id} className="mt-4 border-t border-slate-100 pt-4">
                  <PortContractForm
                    topic={p.topic}
                    submit={submitPort}
                    current={{ outputPortId: p.id, rules: formatRuleLines(p.qualityRules), personalDataFields: p.personalDataFields.join(", ") }}
                  />
                </div>
              ))}
            </div>
          </details>
        ) : null}
        {versions.length > 0 ? (
          <section aria-label="Contract history">
            <h3 className="text-sm font-semibold text-slate-900">History</h3>
            <ol className="mt-2 space-y-2">
              {versions.map((v) => (
                <li key={v.version}>
                  <details className="rounded-md ring-1 ring-slate-200">
                    <summary className="cursor-pointer px-3 py-2 text-sm">
                      <span className="font-medium">Version {v.version}</span>{" "}
                      <span className="text-slate-500">
                        · {v.at.toISOString().slice(0, 16).replace("T", " ")} UTC{v.by ? ` · ${v.by}` : ""}
                      </span>
                    </summary>
                    <div className="space-y-2 border-t border-slate-100 p-3">
                      <Promises s={v.snapshot} />
                      {v.snapshot.termsOfUse ? <Markdown>{v.snapshot.termsOfUse}</Markdown> : null}
                    </div>
                  </details>
                </li>
              ))}
            </ol>
          </section>
        ) : null}
      </CardBody>
    </Card>
  );
}

/** A section of the product page: if the database stops answering while it loads, it says so in place. */
export const ProductContract = outageAware(ProductContractSection);
