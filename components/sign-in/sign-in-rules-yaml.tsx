"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/action-result";
import type { RulesResult } from "@/lib/sign-in/rule-store";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Textarea } from "@/components/ui/field";

/** The whole rule set as YAML: edit (or paste a reviewed file) and apply; problems show at their lines. */
export function SignInRulesYaml({ current, apply }: { current: string; apply: (input: { yaml: string }) => Promise<ActionResult<RulesResult>> }) {
  const router = useRouter();
  const [yaml, setYaml] = useState(current);
  const [problems, setProblems] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const applying = useMutation({
    mutationFn: apply,
    onSuccess: (r) => {
      setFailure(r.ok ? null : (r.fieldErrors?.yaml ?? r.message));
      if (!r.ok) return;
      if (!r.data.ok) return setProblems(r.data.problems.map((p) => `Line ${p.line}, column ${p.column}: ${p.message}`).join(" "));
      setProblems(null);
      toast.success(r.data.changed ? `Applied: ${r.data.rules} rule(s) in force.` : "Nothing to apply: the file matches the rules in force.");
      router.refresh();
    },
    onError: () => setFailure("Could not reach Meshport. Check your connection and try again."),
  });
  return (
    <Card>
      <CardHeader
        title="Rules as code"
        description="The whole set as one file: review it like code, then apply it here or with npm run sign-in-rules -- apply FILE."
        actions={
          <a href="/admin/sign-in/export.yaml" download className="text-sm font-medium whitespace-nowrap text-indigo-700 hover:underline">
            Download YAML
          </a>
        }
      />
      <CardBody className="space-y-4">
        {failure ? <Alert tone="error">{failure}</Alert> : null}
        <Field label="Sign-in rules file (YAML)" error={problems ?? undefined} hint="The file replaces every rule; teams are named by their slug.">
          {(p) => <Textarea {...p} rows={12} spellCheck={false} className="font-mono text-xs whitespace-pre" value={yaml} onChange={(e) => setYaml(e.target.value)} />}
        </Field>
        <Button variant="secondary" disabled={applying.isPending} onClick={() => applying.mutate({ yaml })}>
          {applying.isPending ? "Applying…" : "Apply file"}
        </Button>
      </CardBody>
    </Card>
  );
}
