"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { portContractFormSchema, RULE_LINE_HINT, type PortContractFormInput } from "@/lib/contracts/rule-lines";
import type { ActionResult } from "@/lib/action-result";
import { SubmitBar } from "@/components/forms/submit-bar";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Field, Input, Textarea } from "@/components/ui/field";

/** The owners' form for one port's quality rules and personal-data fields; a change is a new contract version. */
export function PortContractForm({
  topic,
  current,
  submit,
}: {
  topic: string;
  current: PortContractFormInput;
  submit: (input: PortContractFormInput) => Promise<ActionResult<{ version: number | null }>>;
}) {
  const router = useRouter();
  const { form, errors: fieldErrors, onSubmit, pending, failure } = useActionForm({
    schema: portContractFormSchema,
    defaultValues: current,
    action: submit,
    onSuccess: ({ version }) => {
      toast.success(version ? `Rules of ${topic} saved: contract version ${version}` : `Nothing changed on ${topic}`);
      router.refresh();
    },
  });
  const { register } = form;
  const errors = fieldErrors as Record<string, { message?: string } | undefined>;
  return (
    <form noValidate className="space-y-3" aria-label={`Contract of ${topic}`} onSubmit={onSubmit}>
      <h4 className="font-mono text-xs text-slate-600">{topic}</h4>
      {failure ? <Alert tone="error" title="The rules were not saved">{failure}</Alert> : null}
      <Field label="Quality rules" error={errors.rules?.message} hint={RULE_LINE_HINT}>
        {(p) => <Textarea rows={4} spellCheck={false} className="font-mono" {...p} {...register("rules")} />}
      </Field>
      <Field label="Personal-data fields" error={errors.personalDataFields?.message} hint="Comma-separated; masked in sample data for everyone but the owning team.">
        {(p) => <Input {...p} {...register("personalDataFields")} />}
      </Field>
      <SubmitBar pending={pending} label="Save rules" pendingLabel="Saving…" />
    </form>
  );
}
