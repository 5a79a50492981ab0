"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { setInputPortsSchema, type SetInputPortsInput } from "@/lib/catalog/schemas";
import type { ActionResult } from "@/lib/action-result";
import { SubmitBar } from "@/components/forms/submit-bar";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";

/** The product's input ports: the upstream products it is built from, by identifier. */
export function InputPortsForm({
  productId,
  slug,
  current,
  submit,
}: {
  productId: string;
  slug: string;
  current: string[];
  submit: (input: SetInputPortsInput) => Promise<ActionResult<{ upstream: string[] }>>;
}) {
  const router = useRouter();
  const { form, errors, onSubmit, pending, failure } = useActionForm({
    schema: setInputPortsSchema,
    defaultValues: { productId, upstream: current.join(", ") },
    action: submit,
    onSuccess: ({ upstream }) => {
      toast.success(upstream.length > 0 ? `Built from ${upstream.join(", ")}` : "Built from no other product");
      router.push(`/products/${slug}`);
      router.refresh();
    },
  });
  const message = (errors as Record<string, { message?: string } | undefined>).upstream?.message;
  return (
    <form noValidate aria-label="Input ports" className="space-y-6" onSubmit={onSubmit}>
      {failure ? <Alert tone="error" title="The input ports were not saved">{failure}</Alert> : null}
      <Card>
        <CardHeader title="Input ports" description="The upstream products this product is built from. Their owners see it under “Used by”." />
        <CardBody>
          <Field label="Built from" error={message} hint="Product identifiers, separated by commas (e.g. orders, payments).">
            {(p) => <Input {...p} {...form.register("upstream")} className="font-mono" />}
          </Field>
        </CardBody>
      </Card>
      <SubmitBar pending={pending} label="Save input ports" pendingLabel="Saving…" />
    </form>
  );
}
