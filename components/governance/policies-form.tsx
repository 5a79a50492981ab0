"use client";

import { CompatibilityOptions } from "@/components/contracts/compatibility-options";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { policiesFormSchema, type Policies, type PoliciesFormInput } from "@/lib/governance/policies";
import type { PolicyKey } from "@/lib/governance/policy-diff";
import { policiesFormVerdicts } from "@/lib/governance/policy-verdicts";
import type { ProductComplianceFacts } from "@/lib/governance/violations";
import type { ActionResult } from "@/lib/action-result";
import { SubmitBar } from "@/components/forms/submit-bar";
import { useActionForm } from "@/components/forms/use-action-form";
import { ClassificationOptions } from "@/components/governance/classification-options";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";

export function PoliciesForm({
  current,
  defaults,
  products,
  submit,
}: {
  current: Policies;
  defaults: Policies;
  /** The live products, so each field says which of them a tighter value would put in violation. */
  products: ProductComplianceFacts[];
  submit: (input: PoliciesFormInput) => Promise<ActionResult<Policies>>;
}) {
  const router = useRouter();
  const { form, errors, onSubmit, pending, failure } = useActionForm({
    schema: policiesFormSchema,
    defaultValues: { ...current, requiredTagsAnyOf: current.requiredTagsAnyOf.join(", ") },
    action: submit,
    onSuccess: () => {
      toast.success("Policies saved", { description: "They apply to every new product and request from now on." });
      router.refresh();
    },
  });
  // The same pure checks the server and the violations page run, on what is typed now.
  const verdicts = policiesFormVerdicts(form.watch() as Record<string, unknown>, current, products);
  const error = (k: PolicyKey) => errors[k]?.message ?? verdicts.errors[k];
  const hint = (k: PolicyKey) => {
    const impact = verdicts.impact[k];
    if (impact) return <span className="text-amber-800">{impact}</span>;
    const v = defaults[k];
    return `Default: ${Array.isArray(v) ? v.join(", ") || "none" : String(v)}`;
  };

  return (
    <form noValidate aria-label="Governance policies" className="space-y-6" onSubmit={onSubmit}>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <Card>
        <CardHeader title="Topics" description="Limits on what teams may create." />
        <CardBody className="grid gap-5 sm:grid-cols-2">
          <Field label="Maximum partitions" error={error("maxPartitions")} hint={hint("maxPartitions")}>
            {(p) => <Input type="number" {...p} {...form.register("maxPartitions")} />}
          </Field>
          <Field label="Maximum replication factor" error={error("maxReplicationFactor")} hint={hint("maxReplicationFactor")}>
            {(p) => <Input type="number" {...p} {...form.register("maxReplicationFactor")} />}
          </Field>
          <Field label="Minimum retention, hours" error={error("minRetentionHours")} hint={hint("minRetentionHours")}>
            {(p) => <Input type="number" {...p} {...form.register("minRetentionHours")} />}
          </Field>
          <Field label="Maximum retention, hours" error={error("maxRetentionHours")} hint={hint("maxRetentionHours")}>
            {(p) => <Input type="number" {...p} {...form.register("maxRetentionHours")} />}
          </Field>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Classification and access" />
        <CardBody className="grid gap-5 sm:grid-cols-2">
          <Field label="Personal data: lowest classification" error={error("piiMinClassification")} hint={hint("piiMinClassification")}>
            {(p) => (
              <Select {...p} {...form.register("piiMinClassification")}>
                <ClassificationOptions />
              </Select>
            )}
          </Field>
          <Field label="Weakest schema compatibility" error={error("minSchemaCompatibility")} hint={hint("minSchemaCompatibility")}>
            {(p) => (
              <Select {...p} {...form.register("minSchemaCompatibility")}>
                <CompatibilityOptions />
              </Select>
            )}
          </Field>
          <Field label="Longest access grant, days" error={error("maxAccessDays")} hint={hint("maxAccessDays")}>
            {(p) => <Input type="number" {...p} {...form.register("maxAccessDays")} />}
          </Field>
          <Field label="Flag a grant as unused after, days" error={error("unusedGrantDays")} hint={hint("unusedGrantDays")}>
            {(p) => <Input type="number" {...p} {...form.register("unusedGrantDays")} />}
          </Field>
          <Field label="Every product needs one of these tags" error={error("requiredTagsAnyOf")} hint={verdicts.impact.requiredTagsAnyOf ? hint("requiredTagsAnyOf") : "Comma-separated; empty for no requirement."} className="sm:col-span-2">
            {(p) => <Input {...p} {...form.register("requiredTagsAnyOf")} placeholder="gold, silver, bronze" />}
          </Field>
        </CardBody>
      </Card>
      <SubmitBar pending={pending} label="Save policies" pendingLabel="Saving…" />
    </form>
  );
}
