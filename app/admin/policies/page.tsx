import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth";
import { requireViewer } from "@/lib/auth/session";
import { defaultPolicies, loadPolicies } from "@/lib/governance";
import { PoliciesForm } from "@/components/governance/policies-form";
import { updatePoliciesAction } from "./actions";

export const metadata: Metadata = { title: "Policies" };

export default async function PoliciesPage() {
  const viewer = await requireViewer("/admin/policies");
  if (!can(viewer, { permission: "manage:policies" })) notFound();
  const policies = await loadPolicies();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Governance policies</h1>
        <p className="mt-1 text-sm text-slate-600">
          Checked by Meshport on every new data product and access request. Changes apply at once and are written to the audit log.
        </p>
      </div>
      <PoliciesForm current={policies} defaults={defaultPolicies} submit={updatePoliciesAction} />
    </div>
  );
}
