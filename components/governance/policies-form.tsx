"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { policiesFormSchema, type Policies, type PoliciesFormInput } from "@/lib/governance/policies";
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
  submit,
}: {
  current: Policies;
  defaults: Policies;
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
  const hint = (v: unknown) => `Default: ${Array.isArray(v) ? v.join(", ") || "none" : String(v)}`;

  return (
    <form noValidate aria-label="Governance policies" className="space-y-6" onSubmit={onSubmit}>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <Card>
        <CardHeader title="Topics" description="Limits on what teams may create." />
        <CardBody className="grid gap-5 sm:grid-cols-2">
          <Field label="Maximum partitions" error={errors.maxPartitions?.message} hint={hint(defaults.maxPartitions)}>
            {(p) => <Input type="number" {...p} {...form.register("maxPartitions")} />}
          </Field>
          <Field label="Maximum replication factor" error={errors.maxReplicationFactor?.message} hint={hint(defaults.maxReplicationFactor)}>
            {(p) => <Input type="number" {...p} {...form.register("maxReplicationFactor")} />}
          </Field>
          <Field label="Minimum retention, hours" error={errors.minRetentionHours?.message} hint={hint(defaults.minRetentionHours)}>
            {(p) => <Input type="number" {...p} {...form.register("minRetentionHours")} />}
          </Field>
          <Field label="Maximum retention, hours" error={errors.maxRetentionHours?.message} hint={hint(defaults.maxRetentionHours)}>
            {(p) => <Input type="number" {...p} {...form.register("maxRetentionHours")} />}
          </Field>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Classification and access" />
        <CardBody className="grid gap-5 sm:grid-cols-2">
          <Field label="Personal data: lowest classification" error={errors.piiMinClassification?.message} hint={hint(defaults.piiMinClassification)}>
            {(p) => (
              <Select {...p} {...form.register("piiMinClassification")}>
                <ClassificationOptions />
              </Select>
            )}
          </Field>
          <Field label="Longest access grant, days" error={errors.maxAccessDays?.message} hint={hint(defaults.maxAccessDays)}>
            {(p) => <Input type="number" {...p} {...form.register("maxAccessDays")} />}
          </Field>
          <Field label="Flag a grant as unused after, days" error={errors.unusedGrantDays?.message} hint={hint(defaults.unusedGrantDays)}>
            {(p) => <Input type="number" {...p} {...form.register("unusedGrantDays")} />}
          </Field>
          <Field label="Every product needs one of these tags" error={errors.requiredTagsAnyOf?.message} hint="Comma-separated; empty for no requirement." className="sm:col-span-2">
            {(p) => <Input {...p} {...form.register("requiredTagsAnyOf")} placeholder="gold, silver, bronze" />}
          </Field>
        </CardBody>
      </Card>
      <SubmitBar pending={pending} label="Save policies" pendingLabel="Saving…" />
    </form>
  );
}
