"use client";

import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { toast } from "sonner";
import { editDataProductSchema, type EditDataProductInput } from "@/lib/catalog/schemas";
import { checkProductMetadata, type Classification, type Policies } from "@/lib/governance/policies";
import type { ActionResult } from "@/lib/action-result";
import { SubmitBar } from "@/components/forms/submit-bar";
import { useActionForm } from "@/components/forms/use-action-form";
import { ClassificationOptions } from "@/components/governance/classification-options";
import { splitTags } from "@/components/governance/live-verdicts";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/field";

export function EditProductForm({
  slug,
  current,
  policies,
  submit,
}: {
  slug: string;
  current: EditDataProductInput;
  policies: Policies;
  submit: (input: EditDataProductInput) => Promise<ActionResult<{ changed: string[] }>>;
}) {
  const router = useRouter();
  const { form, errors: fieldErrors, onSubmit, pending, failure } = useActionForm({
    schema: editDataProductSchema,
    defaultValues: current,
    action: submit,
    onSuccess: ({ changed }) => {
      toast.success(changed.length > 0 ? `Saved: ${changed.join(", ")}` : "Nothing to save: no field changed");
      router.push(`/products/${slug}`);
      router.refresh();
    },
  });
  const { register } = form;
  const errors = fieldErrors as Record<string, { message?: string } | undefined>;
  // The policies the server applies, run here as the user types (same pure code, lib/governance).
  const [classification, containsPii, tags] = useWatch({ control: form.control, name: ["classification", "containsPii", "tags"] });
  const verdicts = checkProductMetadata({ classification: classification as Classification, containsPii: Boolean(containsPii), tags: splitTags(tags) }, policies);
  const message = (field: string) => errors[field]?.message ?? verdicts[field];

  return (
    <form noValidate className="space-y-6" aria-label="Edit data product" onSubmit={onSubmit}>
      {failure ? <Alert tone="error" title="The product was not saved">{failure}</Alert> : null}
      <Card>
        <CardHeader title="Product" description="The identifier and topics stay as they are." />
        <CardBody className="grid gap-5 sm:grid-cols-2">
          <Field label="Name" error={message("name")} className="sm:col-span-2">
            {(p) => <Input {...p} {...register("name")} />}
          </Field>
          <Field label="Description" error={message("description")} hint="Markdown." className="sm:col-span-2">
            {(p) => <Textarea rows={6} {...p} {...register("description")} />}
          </Field>
          <Field label="Tags" error={message("tags")} hint="Separated by commas or spaces." className="sm:col-span-2">
            {(p) => <Input {...p} {...register("tags")} />}
          </Field>
          <Field label="Classification" error={message("classification")}>
            {(p) => (
              <Select {...p} {...register("classification")}>
                <ClassificationOptions />
              </Select>
            )}
          </Field>
          <Field label="Freshness promise, minutes (optional)" error={message("freshnessSlaMinutes")}>
            {(p) => <Input type="number" min={1} {...p} {...register("freshnessSlaMinutes")} />}
          </Field>
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input type="checkbox" className="h-4 w-4 rounded border-slate-300" {...register("containsPii")} />
            Contains personal data (policy: classification {policies.piiMinClassification.toLowerCase()} or higher)
          </label>
        </CardBody>
      </Card>
      <SubmitBar pending={pending} label="Save changes" pendingLabel="Saving…" />
    </form>
  );
}
