"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { createDomainSchema, type CreateDomainInput } from "@/lib/organisation/schemas";
import type { ActionResult } from "@/lib/action-result";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

export function CreateDomainForm({ submit }: { submit: (input: CreateDomainInput) => Promise<ActionResult<{ slug: string }>> }) {
  const router = useRouter();
  const { form, errors, onSubmit, pending, failure } = useActionForm({
    schema: createDomainSchema,
    defaultValues: { slug: "", name: "", description: "", ownerEmails: "" },
    action: submit,
    onSuccess: (d) => {
      toast.success(`Domain ${d.slug} created`);
      form.reset();
      router.refresh();
    },
  });
  return (
    <form noValidate aria-label="New domain" className="grid gap-4 sm:grid-cols-2" onSubmit={onSubmit}>
      {failure ? <Alert tone="error" className="sm:col-span-2">{failure}</Alert> : null}
      <Field label="Domain name" error={errors.name?.message}>
        {(p) => <Input {...p} {...form.register("name")} />}
      </Field>
      <Field label="Domain identifier" error={errors.slug?.message} hint="Lowercase; its topics default to <identifier>.">
        {(p) => <Input className="font-mono" {...p} {...form.register("slug")} />}
      </Field>
      <Field label="Domain description" error={errors.description?.message} className="sm:col-span-2">
        {(p) => <Input {...p} {...form.register("description")} />}
      </Field>
      <Field label="Domain owners" error={errors.ownerEmails?.message} hint="E-mail addresses, separated by commas." className="sm:col-span-2">
        {(p) => <Input {...p} {...form.register("ownerEmails")} placeholder="owner@example.com" />}
      </Field>
      <div className="sm:col-span-2 flex justify-end">
        <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create domain"}</Button>
      </div>
    </form>
  );
}
