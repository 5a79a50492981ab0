"use client";

import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { toast } from "sonner";
import { retireProductSchema, type RetireProductInput } from "@/lib/catalog/schemas";
import { retirementBlockers } from "@/lib/governance/lifecycle";
import type { ActionResult } from "@/lib/action-result";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

type Retired = { topics: string[]; pending: string[] };

/** DEPRECATED → RETIRED, after the sunset and once no consumer is left; the owner types the product's name. */
export function RetireForm({
  product,
  submit,
}: {
  product: { id: string; name: string; sunsetAt: string | null; activeConsumerGrants: number };
  submit: (input: RetireProductInput) => Promise<ActionResult<Retired>>;
}) {
  const router = useRouter();
  const { form, errors: fieldErrors, onSubmit, pending, failure } = useActionForm({
    schema: retireProductSchema,
    defaultValues: { productId: product.id, confirmName: "" },
    action: submit,
    onSuccess: (r) => {
      if (r.pending.length === 0) toast.success("Retired", { description: `Deleted from Kafka: ${r.topics.join(", ")}.` });
      else toast.warning("Retired; Kafka has not caught up", { description: `${r.pending.join("; ")}. Meshport keeps retrying.`, duration: 15_000 });
      router.refresh();
    },
  });
  const errors = fieldErrors as Record<string, { message?: string } | undefined>;
  const confirmName = String(useWatch({ control: form.control, name: "confirmName" }) ?? "");
  // The server's own rule (lib/governance/lifecycle.ts): what still stands in the way, shown before submit.
  const blockers = retirementBlockers(
    { lifecycle: "DEPRECATED", sunsetAt: product.sunsetAt ? new Date(product.sunsetAt) : null, activeConsumerGrants: product.activeConsumerGrants, name: product.name, confirmName },
    new Date(),
  );

  return (
    <form noValidate aria-label="Retire this product" className="space-y-3" onSubmit={onSubmit}>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {blockers.form ? <Alert tone="warning">{blockers.form}</Alert> : null}
      <p className="text-sm text-slate-600">Its topics and ACLs are deleted from Kafka. The product&apos;s page and audit trail stay, marked retired.</p>
      <Field label="Type the product's name to confirm" error={errors.confirmName?.message ?? (confirmName ? blockers.confirmName : undefined)}>
        {(p) => <Input {...p} {...form.register("confirmName")} autoComplete="off" />}
      </Field>
      <Button type="submit" variant="danger" disabled={pending || Object.keys(blockers).length > 0}>
        {pending ? "Retiring…" : "Retire product"}
      </Button>
    </form>
  );
}
