"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { createTeamSchema, type CreateTeamInput } from "@/lib/organisation/schemas";
import type { ActionResult } from "@/lib/action-result";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";

export function CreateTeamForm({
  domains,
  submit,
}: {
  domains: { id: string; name: string }[];
  submit: (input: CreateTeamInput) => Promise<ActionResult<{ slug: string }>>;
}) {
  const router = useRouter();
  const { form, errors, onSubmit, pending, failure } = useActionForm({
    schema: createTeamSchema,
    defaultValues: { slug: "", name: "", description: "", domainId: domains[0]?.id ?? "", contactEmail: "", principal: "", prefixes: "" },
    action: submit,
    onSuccess: (t) => {
      toast.success(`Team ${t.slug} created`, { description: "Add its members on the team's page." });
      router.push(`/teams/${t.slug}`);
    },
  });
  return (
    <form noValidate aria-label="New team" className="grid gap-4 sm:grid-cols-2" onSubmit={onSubmit}>
      {failure ? <Alert tone="error" className="sm:col-span-2">{failure}</Alert> : null}
      <Field label="Team name" error={errors.name?.message}>
        {(p) => <Input {...p} {...form.register("name")} />}
      </Field>
      <Field label="Team identifier" error={errors.slug?.message}>
        {(p) => <Input className="font-mono" {...p} {...form.register("slug")} />}
      </Field>
      <Field label="Domain" error={errors.domainId?.message}>
        {(p) => (
          <Select {...p} {...form.register("domainId")}>
            {domains.map((d) => (
              <option key={d.id} value={d.id}>{d.name}</option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Contact e-mail (optional)" error={errors.contactEmail?.message}>
        {(p) => <Input type="email" {...p} {...form.register("contactEmail")} />}
      </Field>
      <Field label="Kafka principal" error={errors.principal?.message} hint='As the cluster knows it, e.g. "User:team-growth". Needed before the team can create products.'>
        {(p) => <Input className="font-mono" {...p} {...form.register("principal")} />}
      </Field>
      <Field label="Topic prefixes" error={errors.prefixes?.message} hint='The team&apos;s topic namespaces, e.g. "growth." (comma-separated). None: the domain&apos;s.'>
        {(p) => <Input className="font-mono" {...p} {...form.register("prefixes")} />}
      </Field>
      <Field label="Team description" error={errors.description?.message} className="sm:col-span-2">
        {(p) => <Input {...p} {...form.register("description")} />}
      </Field>
      <div className="sm:col-span-2 flex justify-end">
        <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create team"}</Button>
      </div>
    </form>
  );
}
