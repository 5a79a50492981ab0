"use client";

import { useRef, useState, type ChangeEvent } from "react";
import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { toast } from "sonner";
import { importInputSchema, type ImportInput } from "@/lib/contracts/standards/import-input";
import type { ImportPreview } from "@/lib/contracts/standards/import-product";
import type { ActionResult } from "@/lib/action-result";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { ImportPreviewCard } from "./import-preview";

type Created = { slug: string; topic: string; provisioningWarning?: string; contractVersion: number };
type Outcome = { preview: ImportPreview } | { created: Created };

/** Paste or upload ODCS (and optionally ODPS) YAML, preview the product, then create it. */
export function ImportForm({
  teams,
  preview,
  create,
}: {
  teams: Array<{ id: string; name: string }>;
  preview: (input: ImportInput) => Promise<ActionResult<ImportPreview>>;
  create: (input: ImportInput) => Promise<ActionResult<Created>>;
}) {
  const router = useRouter();
  // The ref tells the action which step runs; the state says it on the buttons.
  const mode = useRef<"preview" | "create">("preview");
  const [step, setStep] = useState<"preview" | "create">("preview");
  const [shown, setShown] = useState<{ preview: ImportPreview; key: string } | null>(null);
  const run = async (input: ImportInput): Promise<ActionResult<Outcome>> => {
    const r = mode.current === "create" ? await create(input) : await preview(input);
    if (!r.ok) return r;
    return { ok: true, data: mode.current === "create" ? { created: r.data as Created } : { preview: r.data as ImportPreview } };
  };
  const { form, errors: fieldErrors, onSubmit, pending, failure } = useActionForm({
    schema: importInputSchema,
    defaultValues: { ownerTeamId: teams[0]?.id ?? "", slug: "", odcs: "", odps: "" },
    action: run,
    onSuccess: (outcome) => {
      if ("created" in outcome) {
        if (outcome.created.provisioningWarning) toast.warning(outcome.created.provisioningWarning);
        else toast.success(`Created ${outcome.created.topic}`);
        router.push(`/products/${outcome.created.slug}`);
        return;
      }
      setShown({ preview: outcome.preview, key: JSON.stringify(form.getValues()) });
    },
  });
  const { register } = form;
  const errors = fieldErrors as Record<string, { message?: string } | undefined>;
  const values = useWatch({ control: form.control });
  // The preview answers for exactly these inputs: any edit asks for a new one before creating.
  const current = shown && shown.key === JSON.stringify({ ...form.getValues(), ...values }) ? shown.preview : null;

  const upload = (field: "odcs" | "odps") => async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) form.setValue(field, await file.text(), { shouldDirty: true });
  };

  return (
    <form noValidate className="space-y-6" aria-label="Import data product" onSubmit={onSubmit}>
      {failure ? <Alert tone="error" title="Nothing was created">{failure}</Alert> : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Owning team" error={errors.ownerTeamId?.message}>
          {(p) => (
            <Select {...p} {...register("ownerTeamId")}>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Product identifier (optional)" error={errors.slug?.message} hint="Empty: taken from the files.">
          {(p) => <Input {...p} {...register("slug")} />}
        </Field>
        <Field label="ODCS contract (YAML)" error={errors.odcs?.message} hint="Open Data Contract Standard v3.0.x: apiVersion, kind: DataContract, id, version, status, schema." className="sm:col-span-2">
          {(p) => <Textarea rows={14} className="font-mono text-xs" spellCheck={false} {...p} {...register("odcs")} />}
        </Field>
        <label className="text-sm text-slate-700 sm:col-span-2">
          Or upload the contract: <input type="file" accept=".yaml,.yml,application/yaml,text/yaml" aria-label="Upload ODCS file" onChange={upload("odcs")} />
        </label>
        <Field label="ODPS product (YAML, optional)" error={errors.odps?.message} hint="Open Data Product Standard v1.0.0: its output port names the contract by contractId." className="sm:col-span-2">
          {(p) => <Textarea rows={8} className="font-mono text-xs" spellCheck={false} {...p} {...register("odps")} />}
        </Field>
        <label className="text-sm text-slate-700 sm:col-span-2">
          Or upload the product file: <input type="file" accept=".yaml,.yml,application/yaml,text/yaml" aria-label="Upload ODPS file" onChange={upload("odps")} />
        </label>
      </div>
      {current ? <ImportPreviewCard preview={current} /> : null}
      <div className="flex justify-end gap-3">
        <Button type="submit" variant={current ? "secondary" : "primary"} disabled={pending} onClick={() => {
            mode.current = "preview";
            setStep("preview");
          }}>
          {pending && step === "preview" ? "Checking…" : "Preview"}
        </Button>
        {current ? (
          <Button type="submit" disabled={pending} onClick={() => {
              mode.current = "create";
              setStep("create");
            }}>
            {pending && step === "create" ? "Creating…" : "Create product"}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
