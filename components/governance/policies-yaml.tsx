"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/action-result";
import type { PolicyPlan } from "@/lib/governance/apply-policies";
import type { CommitResult } from "@/lib/governance/commit-policies";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Textarea } from "@/components/ui/field";
import { PolicyChanges } from "./policy-changes";

const OFFLINE = "Could not reach Meshport. Check your connection and try again.";

/** Paste or upload a policies file, see its plan (or its problems at their lines), then apply exactly that plan. */
export function PoliciesYaml({
  current,
  plan: planAction,
  apply: applyAction,
}: {
  current: string;
  plan: (input: { yaml: string }) => Promise<ActionResult<PolicyPlan>>;
  apply: (input: { yaml: string; baseVersion: number }) => Promise<ActionResult<CommitResult>>;
}) {
  const router = useRouter();
  const [yaml, setYaml] = useState(current);
  // The plan shown belongs to the text it was made from: editing the text takes Apply away.
  const [planned, setPlanned] = useState<{ yaml: string; plan: PolicyPlan } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const planning = useMutation({
    mutationFn: planAction,
    onSuccess: (r, input) => {
      setFailure(r.ok ? null : (r.fieldErrors?.yaml ?? r.message));
      setPlanned(r.ok ? { yaml: input.yaml, plan: r.data } : null);
    },
    onError: () => setFailure(OFFLINE),
  });
  const applying = useMutation({
    mutationFn: applyAction,
    onSuccess: (r) => {
      if (!r.ok) return setFailure(r.fieldErrors?.yaml ? `${r.message} ${r.fieldErrors.yaml}` : r.message);
      setPlanned(null);
      setFailure(null);
      toast.success(r.data.created ? `Applied as version ${r.data.version}` : `Nothing to apply: version ${r.data.version} stays in force`);
      router.refresh();
    },
    onError: () => setFailure(OFFLINE),
  });

  const plan = planned && planned.yaml === yaml ? planned.plan : null;
  const problems = plan && !plan.ok ? plan.problems : [];
  const problemText = problems.map((p) => `Line ${p.line}, column ${p.column}: ${p.message}`).join(" ");

  return (
    <Card>
      <CardHeader
        title="Policies as code"
        description="Export the set in force, edit it (or let a pull request do it), plan, then apply. The same file works with npm run policies."
        actions={
          <a href="/admin/policies/export.yaml" download className="whitespace-nowrap text-sm font-medium text-indigo-700 hover:underline">
            Download YAML
          </a>
        }
      />
      <CardBody className="space-y-4">
        {failure ? <Alert tone="error">{failure}</Alert> : null}
        <Field label="Policies file (YAML)" error={problems.length > 0 ? problemText : undefined} hint="Every policy must be in the file; unknown keys are refused.">
          {(p) => <Textarea {...p} rows={14} spellCheck={false} className="font-mono text-xs whitespace-pre" value={yaml} onChange={(e) => setYaml(e.target.value)} />}
        </Field>
        <div className="flex flex-wrap items-center gap-3">
          <label className="text-sm text-slate-700">
            Or choose a file{" "}
            <input
              type="file"
              accept=".yaml,.yml,text/yaml,application/yaml"
              className="text-sm"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (file) setYaml(await file.text());
              }}
            />
          </label>
          <Button variant="secondary" disabled={planning.isPending} onClick={() => planning.mutate({ yaml })}>
            {planning.isPending ? "Planning…" : "Plan"}
          </Button>
        </div>
        {plan && plan.ok ? (
          <section aria-label="Plan" className="space-y-3 rounded-md bg-slate-50 p-4">
            {plan.changes.length === 0 ? (
              <p className="text-sm">No changes: the file matches version {plan.baseVersion}, which stays in force.</p>
            ) : (
              <>
                <p className="text-sm font-medium">
                  {plan.changes.length} change{plan.changes.length === 1 ? "" : "s"} against version {plan.baseVersion}:
                </p>
                <PolicyChanges changes={plan.changes} label="Planned changes" />
              </>
            )}
            <p className="text-sm">
              {plan.violatingProducts} existing product{plan.violatingProducts === 1 ? "" : "s"} would violate this set
              {plan.newlyViolating.length > 0 ? `, ${plan.newlyViolating.length} of them newly (${plan.newlyViolating.join(", ")})` : ""}. They are{" "}
              <Link href="/admin/policies/violations" className="text-indigo-700 hover:underline">
                listed
              </Link>
              , never changed.
            </p>
            {plan.changes.length > 0 ? (
              <Button disabled={applying.isPending} onClick={() => applying.mutate({ yaml, baseVersion: plan.baseVersion })}>
                {applying.isPending ? "Applying…" : "Apply"}
              </Button>
            ) : null}
          </section>
        ) : null}
      </CardBody>
    </Card>
  );
}
