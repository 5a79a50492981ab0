"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { productContractSchema, type ProductContractInput } from "@/lib/contracts/contract-model";
import type { ActionResult } from "@/lib/action-result";
import { SubmitBar } from "@/components/forms/submit-bar";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Field, Input, Textarea } from "@/components/ui/field";

/** The owners' form for the product-level contract; each save becomes a numbered version. */
export function ContractForm({
  current,
  shortestRetentionHours,
  submit,
}: {
  current: ProductContractInput;
  shortestRetentionHours: number | null;
  submit: (input: ProductContractInput) => Promise<ActionResult<{ version: number; changed: boolean }>>;
}) {
  const router = useRouter();
  const { form, errors: fieldErrors, onSubmit, pending, failure } = useActionForm({
    schema: productContractSchema,
    defaultValues: current,
    action: submit,
    onSuccess: ({ version, changed }) => {
      toast.success(changed ? `Contract saved as version ${version}` : `Nothing changed: the contract stays at version ${version}`);
      router.refresh();
    },
  });
  const { register } = form;
  const errors = fieldErrors as Record<string, { message?: string } | undefined>;
  return (
    <form noValidate className="space-y-4" aria-label="Edit contract" onSubmit={onSubmit}>
      {failure ? <Alert tone="error" title="The contract was not saved">{failure}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Availability objective, % (optional)" error={errors.availabilityPercent?.message} hint="Share of time consumers can read the topics, e.g. 99.9.">
          {(p) => <Input inputMode="decimal" {...p} {...register("availabilityPercent")} />}
        </Field>
        <Field
          label="Retention objective, hours (optional)"
          error={errors.retentionObjectiveHours?.message}
          hint={shortestRetentionHours !== null ? `Empty: what the topics keep (${shortestRetentionHours} hours). At most that.` : "Empty: what the topics keep."}
        >
          {(p) => <Input type="number" min={1} {...p} {...register("retentionObjectiveHours")} />}
        </Field>
        <Field label="Support channel" error={errors.supportChannel?.message} hint="An https:// link or an e-mail address." className="sm:col-span-2">
          {(p) => <Input {...p} {...register("supportChannel")} />}
        </Field>
        <Field label="Terms of use" error={errors.termsOfUse?.message} hint="Markdown." className="sm:col-span-2">
          {(p) => <Textarea rows={5} {...p} {...register("termsOfUse")} />}
        </Field>
      </div>
      <SubmitBar pending={pending} label="Save contract" pendingLabel="Saving…" />
    </form>
  );
}
