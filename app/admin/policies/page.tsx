import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth";
import { requireViewer } from "@/lib/auth/session";
import {
  comparePolicyVersions, countViolatingProducts, currentPoliciesYaml, defaultPolicies, findViolations, listPolicyVersions, loadComplianceFacts, loadPolicies,
  policyCompareSchema,
} from "@/lib/governance";
import { PoliciesForm } from "@/components/governance/policies-form";
import { PoliciesYaml } from "@/components/governance/policies-yaml";
import { PolicyCompare } from "@/components/governance/policy-compare";
import { PolicyHistory } from "@/components/governance/policy-history";
import { applyPoliciesAction, planPoliciesAction, updatePoliciesAction } from "./actions";
import { outageAware } from "@/components/layout/outage-aware";

export const metadata: Metadata = { title: "Policies" };

async function PoliciesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer("/admin/policies");
  if (!can(viewer, { permission: "manage:policies" })) notFound();
  const { from, to } = policyCompareSchema.parse(await searchParams);
  const [policies, versions, products, yaml, compared] = await Promise.all([
    loadPolicies(),
    listPolicyVersions(viewer, 20),
    loadComplianceFacts(),
    currentPoliciesYaml(),
    from !== undefined && to !== undefined ? comparePolicyVersions(viewer, from, to) : undefined,
  ]);
  const violating = countViolatingProducts(findViolations(products, policies));
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Governance policies</h1>
        <p className="mt-1 text-sm text-slate-600">
          Checked by Meshport on every new data product and access request. Every change is a new version, written to the audit log.{" "}
          <Link href="/admin/policies/violations" className="font-medium text-indigo-700 hover:underline">
            {violating === 0 ? "No product violates them." : `${violating} product${violating === 1 ? " violates" : "s violate"} them.`}
          </Link>
        </p>
      </div>
      <PoliciesForm current={policies} defaults={defaultPolicies} products={products} submit={updatePoliciesAction} />
      <PoliciesYaml key={versions[0]?.number ?? 0} current={yaml} plan={planPoliciesAction} apply={applyPoliciesAction} />
      {versions.length > 1 ? <PolicyCompare versions={versions.map((v) => v.number)} from={from} to={to} changes={compared} /> : null}
      <PolicyHistory versions={versions} />
    </div>
  );
}
export default outageAware(PoliciesPage);
