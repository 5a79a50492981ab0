"use client";

import { CompatibilityOptions } from "@/components/contracts/compatibility-options";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/action-result";
import type { CompatibilityMode } from "@/lib/schema-registry/types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";

const explain: Record<CompatibilityMode, string> = {
  BACKWARD: "Consumers on a new version read older data (upgrade consumers first).",
  BACKWARD_TRANSITIVE: "As BACKWARD, against every earlier version.",
  FORWARD: "Consumers on an older version read newer data (upgrade producers first).",
  FORWARD_TRANSITIVE: "As FORWARD, against every earlier version.",
  FULL: "Both BACKWARD and FORWARD.",
  FULL_TRANSITIVE: "FULL, against every earlier version.",
  NONE: "No check: any change is accepted (and may break consumers).",
};

export function CompatibilitySetting({
  outputPortId,
  current,
  submit,
}: {
  outputPortId: string;
  current: CompatibilityMode;
  submit: (input: { outputPortId: string; compatibility: CompatibilityMode }) => Promise<ActionResult<{ compatibility: CompatibilityMode; warning?: string }>>;
}) {
  const router = useRouter();
  const [mode, setMode] = useState<CompatibilityMode>(current);
  const save = useMutation({
    mutationFn: () => submit({ outputPortId, compatibility: mode }),
    onSuccess: (r) => {
      if (!r.ok) return;
      toast.success(`Compatibility set to ${r.data.compatibility}.`);
      if (r.data.warning) toast.warning(r.data.warning);
      router.refresh();
    },
  });
  const failure = save.data && !save.data.ok ? save.data : null;
  return (
    <div className="flex flex-wrap items-end gap-3">
      <Field label="Mode" error={failure?.fieldErrors?.compatibility} hint={explain[mode]}>
        {(p) => (
          <Select {...p} value={mode} onChange={(e) => setMode(e.target.value as CompatibilityMode)}>
            <CompatibilityOptions />
          </Select>
        )}
      </Field>
      <Button variant="secondary" onClick={() => save.mutate()} disabled={save.isPending || mode === current}>
        {save.isPending ? "Saving…" : "Set mode"}
      </Button>
      {failure && !failure.fieldErrors?.compatibility ? <Alert tone="error">{failure.message}</Alert> : null}
    </div>
  );
}
