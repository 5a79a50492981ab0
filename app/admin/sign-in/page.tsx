import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth";
import { enabledSignInMethods, requireViewer } from "@/lib/auth/session";
import { exportSignInRulesYaml, listSignInRules, RULE_ROLE_LABELS } from "@/lib/sign-in";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { RemoveSignInRule } from "@/components/sign-in/remove-sign-in-rule";
import { SignInRuleForm } from "@/components/sign-in/sign-in-rule-form";
import { SignInRulesYaml } from "@/components/sign-in/sign-in-rules-yaml";
import { addSignInRuleAction, applySignInRulesYamlAction, removeSignInRuleAction } from "./actions";
import { outageAware } from "@/components/layout/outage-aware";

export const metadata: Metadata = { title: "Sign-in rules" };

async function SignInRulesPage() {
  const viewer = await requireViewer("/admin/sign-in");
  if (!can(viewer, { permission: "manage:sign-in-rules" })) notFound();
  const [{ claim, rules, teams }, yaml] = await Promise.all([listSignInRules(viewer), exportSignInRulesYaml(viewer)]);
  const provider = enabledSignInMethods().oidc;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Sign-in rules</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          At each sign-in through the identity provider, the groups in its <code className="rounded bg-slate-100 px-1">{claim}</code> claim give team memberships and
          platform roles by these rules: what the provider gave before and no rule gives now is taken back. Memberships and roles granted by hand in Meshport are never
          changed. A user in no mapped group can browse the catalog, and request access once a team adds them. Every change is in the audit log.
        </p>
      </div>
      {provider ? null : (
        <Alert tone="warning" title="No identity provider is configured">
          The rules apply once AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET are set.
        </Alert>
      )}
      <Card>
        <CardHeader title={`${rules.length} rule${rules.length === 1 ? "" : "s"}`} description="In the order they were added; when two rules name one team, the stronger role wins." />
        <CardBody className="overflow-x-auto p-0">
          {rules.length === 0 ? (
            <p className="px-5 py-4 text-sm text-slate-500">No rules yet: users who sign in through the provider get no team or role from it.</p>
          ) : (
            <Table columns={["Provider group", "Gives", "Team", ""]} label="Sign-in rules" variant="boxed">
              {rules.map((r) => {
                const label = `${r.group} gives ${RULE_ROLE_LABELS[r.role].toLowerCase()}${r.teamName ? ` of ${r.teamName}` : ""}`;
                return (
                  <tr key={r.key}>
                    <td className="font-mono text-xs">{r.group}</td>
                    <td>{RULE_ROLE_LABELS[r.role]}</td>
                    <td>{r.teamName ?? "—"}</td>
                    <td className="text-right">
                      <RemoveSignInRule ruleKey={r.key} label={label} remove={removeSignInRuleAction} />
                    </td>
                  </tr>
                );
              })}
            </Table>
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Add a rule" />
        <CardBody>
          <SignInRuleForm teams={teams} add={addSignInRuleAction} />
        </CardBody>
      </Card>
      <SignInRulesYaml key={yaml} current={yaml} apply={applySignInRulesYamlAction} />
    </div>
  );
}
export default outageAware(SignInRulesPage);
