"use client";

import { useRouter } from "next/navigation";
import type { FieldValues, Path } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { addMemberSchema, linkPrincipalSchema, setDomainOwnersSchema, topicPrefixSchema } from "@/lib/organisation/schemas";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";

// Server components cannot hand a zod schema to a client component: they name it instead.
const SCHEMAS = { domainOwners: setDomainOwnersSchema, member: addMemberSchema, prefix: topicPrefixSchema, principal: linkPrincipalSchema } as const;

/**
 * One text field and a button, for the small changes of the team and admin pages (add a member's
 * e-mail, a prefix, a principal, a domain's owners). Fixed values (the team's id) ride along hidden.
 */
export function SingleFieldForm<TInput extends FieldValues>({
  schema,
  defaults,
  field,
  label,
  hint,
  button,
  done,
  action,
  withRole = false,
}: {
  schema: keyof typeof SCHEMAS;
  defaults: TInput;
  field: Path<TInput> & string;
  label: string;
  hint?: string;
  button: string;
  done: string;
  action: (input: TInput) => Promise<ActionResult<unknown>>;
  /** Also ask for the new member's role (field "role"). */
  withRole?: boolean;
}) {
  const router = useRouter();
  const { form, errors, onSubmit, pending, failure } = useActionForm({
    schema: SCHEMAS[schema] as unknown as z.ZodType<unknown, TInput>,
    defaultValues: defaults as never,
    action,
    onSuccess: () => {
      toast.success(done);
      form.reset();
      router.refresh();
    },
  });
  const error = (errors as Record<string, { message?: string } | undefined>)[field]?.message ?? failure ?? undefined;
  return (
    <form noValidate aria-label={label} className="flex flex-wrap items-start gap-2" onSubmit={onSubmit}>
      <Field label={label} error={error} hint={hint} className="min-w-56 flex-1">
        {(p) => <Input {...p} {...form.register(field)} />}
      </Field>
      {withRole ? (
        <div className="mt-6">
          <Select aria-label="Role of the new member" {...form.register("role" as Path<TInput>)}>
            <option value="MEMBER">Member</option>
            <option value="MAINTAINER">Maintainer</option>
          </Select>
        </div>
      ) : null}
      <Button type="submit" disabled={pending} className="mt-6">
        {pending ? "Saving…" : button}
      </Button>
    </form>
  );
}
