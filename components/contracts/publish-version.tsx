"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/action-result";
import type { SchemaFormat } from "@/lib/contracts/model";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { VersionPreviewView, type Preview } from "./version-preview";

type Input = { outputPortId: string; schema: string; format?: SchemaFormat };

const OFFLINE = "Could not reach Meshport. Check your connection and try again.";

/**
 * Publish a new schema version in two steps: Check shows the diff, both verdicts and the affected
 * consumers without storing anything; Publish is offered only when both say compatible. A refusal
 * offers the way out: a new major version on a new topic.
 */
export function PublishVersion({
  outputPortId,
  productSlug,
  initialSchema,
  format,
  nextTopic,
  preview,
  publish,
  startMajor,
}: {
  outputPortId: string;
  productSlug: string;
  initialSchema: string;
  format: SchemaFormat;
  nextTopic: string;
  preview: (input: Input) => Promise<ActionResult<Preview>>;
  publish: (input: Input) => Promise<ActionResult<{ version: number; registryId: number }>>;
  startMajor: (input: { outputPortId: string; schema: string; sunsetAt: string }) => Promise<ActionResult<{ outputPortId: string; topic: string; warning?: string }>>;
}) {
  const router = useRouter();
  const [schema, setSchema] = useState(initialSchema);
  const [checked, setChecked] = useState<{ text: string; preview: Preview } | null>(null);
  const [sunsetAt, setSunsetAt] = useState(() => new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10));

  const check = useMutation({
    mutationFn: () => preview({ outputPortId, schema, format }),
    onSuccess: (r) => setChecked(r.ok ? { text: schema, preview: r.data } : null),
  });
  const confirm = useMutation({
    mutationFn: () => publish({ outputPortId, schema, format }),
    onSuccess: (r) => {
      if (!r.ok) return;
      toast.success(`Version ${r.data.version} published (registry id ${r.data.registryId}).`);
      router.push(`/products/${productSlug}/ports/${outputPortId}/versions`);
    },
  });
  const major = useMutation({
    mutationFn: () => startMajor({ outputPortId, schema, sunsetAt }),
    onSuccess: (r) => {
      if (!r.ok) return;
      toast.success(`Major version started on ${r.data.topic}.`);
      if (r.data.warning) toast.warning(r.data.warning);
      router.push(`/products/${productSlug}`);
    },
  });

  const failed = (m: typeof check | typeof confirm | typeof major) =>
    m.data && !m.data.ok ? m.data : m.error ? { message: OFFLINE, fieldErrors: undefined } : null;
  const checkFailure = failed(check);
  const publishFailure = failed(confirm);
  const majorFailure = failed(major);
  const stale = checked !== null && checked.text !== schema;
  const result = checked && !stale ? checked.preview : null;

  return (
    <div className="space-y-5">
      <Field label={`New schema (${format === "PROTOBUF" ? ".proto" : "JSON"})`} error={checkFailure?.fieldErrors?.schema ?? publishFailure?.fieldErrors?.schema} hint="Edit the current version, then check it.">
        {(p) => <Textarea rows={14} className="font-mono text-xs" {...p} value={schema} onChange={(e) => setSchema(e.target.value)} />}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={() => check.mutate()} disabled={check.isPending}>
          {check.isPending ? "Checking…" : "Check compatibility"}
        </Button>
        {stale ? <Badge tone="amber">Edited since the check: check again</Badge> : null}
      </div>
      {checkFailure && !checkFailure.fieldErrors?.schema ? <Alert tone="error" title="Could not check">{checkFailure.message}</Alert> : null}

      {result ? (
        <section aria-label="Before you publish" className="space-y-4">
          <VersionPreviewView preview={result} />
          {result.compatible ? (
            <div className="space-y-2">
              <Button onClick={() => confirm.mutate()} disabled={confirm.isPending}>
                {confirm.isPending ? "Publishing…" : `Publish version ${result.nextVersion}`}
              </Button>
              {publishFailure ? <Alert tone="error" title="Not published">{publishFailure.message}</Alert> : null}
            </div>
          ) : (
            <div className="space-y-4">
              <Alert tone="error" title="Refused: this version would break consumers">
                {result.unchanged
                  ? `The schema is identical to version ${result.currentVersion}.`
                  : `Under ${result.compatibility} this version cannot replace version ${result.currentVersion}. Nothing was stored in the registry or in Meshport.`}
              </Alert>
              {!result.unchanged ? (
                <div className="rounded-md border border-slate-200 p-4">
                  <h3 className="text-sm font-semibold text-slate-900">Way out: a new major version</h3>
                  <p className="mt-1 text-sm text-slate-600">
                    Meshport creates the port <span className="font-mono">{nextTopic}</span> beside the current one with this schema as its version 1, marks the current port deprecated
                    until the sunset date and tells its consumers.
                  </p>
                  <div className="mt-3 flex flex-wrap items-end gap-3">
                    <Field label="Sunset of the current port" error={majorFailure?.fieldErrors?.sunsetAt}>
                      {(p) => <Input type="date" {...p} value={sunsetAt} onChange={(e) => setSunsetAt(e.target.value)} />}
                    </Field>
                    <Button variant="secondary" onClick={() => major.mutate()} disabled={major.isPending}>
                      {major.isPending ? "Starting…" : `Start ${nextTopic}`}
                    </Button>
                  </div>
                  {majorFailure && !majorFailure.fieldErrors?.sunsetAt ? <Alert tone="error" className="mt-3">{majorFailure.message}</Alert> : null}
                </div>
              ) : null}
            </div>
          )}
        </section>
      ) : null}
    </div>
  );
}
