"use client";

import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { toast } from "sonner";
import { deprecateProductSchema, type DeprecateProductInput } from "@/lib/catalog/schemas";
import { checkDeprecation } from "@/lib/governance/lifecycle";
import type { ActionResult } from "@/lib/action-result";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

type Deprecated = { sunsetAt: string; notified: number };

/** ACTIVE → DEPRECATED: a sunset date after today and, optionally, the product that replaces it. */
export function DeprecateForm({ productId, submit }: { productId: string; submit: (input: DeprecateProductInput) => Promise<ActionResult<Deprecated>> }) {
  const router = useRouter();
  const { form, errors: fieldErrors, onSubmit, pending, failure } = useActionForm({
    schema: deprecateProductSchema,
    defaultValues: { productId, sunsetDate: "", successorSlug: "" },
    action: submit,
    onSuccess: (r) => {
      toast.success(`Deprecated: sunset on ${r.sunsetAt}`, { description: `${r.notified} consumer${r.notified === 1 ? "" : "s"} told.` });
      router.refresh();
    },
  });
  const errors = fieldErrors as Record<string, { message?: string } | undefined>;
  const sunsetDate = useWatch({ control: form.control, name: "sunsetDate" });
  // The server's rule on the date as it is picked (the lifecycle and the successor are checked on submit).
  const verdict = sunsetDate ? checkDeprecation({ lifecycle: "ACTIVE", sunsetAt: new Date(`${String(sunsetDate)}T00:00:00Z`), productId }, new Date()).sunsetDate : undefined;

  return (
    <form noValidate aria-label="Deprecate this product" className="space-y-3" onSubmit={onSubmit}>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <Field label="Sunset date" error={errors.sunsetDate?.message ?? verdict} hint="Consumers keep access until the end of this day; then the product can be retired.">
        {(p) => <Input type="date" {...p} {...form.register("sunsetDate")} />}
      </Field>
      <Field label="Successor (optional)" error={errors.successorSlug?.message} hint="The identifier of the product consumers should move to.">
        {(p) => <Input {...p} {...form.register("successorSlug")} className="font-mono" />}
      </Field>
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? "Deprecating…" : "Deprecate"}
      </Button>
    </form>
  );
}
