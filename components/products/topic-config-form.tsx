"use client";

import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { toast } from "sonner";
import { changeTopicConfigSchema, type ChangeTopicConfigInput } from "@/lib/catalog/schemas";
import { checkTopicLimits, type Policies } from "@/lib/governance/policies";
import { checkTopicChange, type TopicLayout } from "@/lib/governance/topic-change";
import type { ActionResult } from "@/lib/action-result";
import { useActionForm } from "@/components/forms/use-action-form";
import { asNumber } from "@/components/governance/live-verdicts";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";

type Outcome = { changed: string[]; status: "APPLIED" | "PENDING" | "FAILED"; warning?: string };

/** Retention, cleanup policy and partitions of one live topic; what Kafka or the policies refuse shows as it is typed. */
export function TopicConfigForm({
  portId,
  topic,
  current,
  policies,
  submit,
}: {
  portId: string;
  topic: string;
  current: TopicLayout;
  policies: Policies;
  submit: (input: ChangeTopicConfigInput) => Promise<ActionResult<Outcome>>;
}) {
  const router = useRouter();
  const { form, errors: fieldErrors, onSubmit, pending, failure } = useActionForm({
    schema: changeTopicConfigSchema,
    defaultValues: { portId, partitions: current.partitions, retentionHours: current.retentionHours, cleanupPolicy: current.cleanupPolicy as "delete" | "compact" },
    action: submit,
    onSuccess: (r) => {
      if (r.changed.length === 0) toast.info("Nothing changed");
      else if (r.status === "APPLIED") toast.success(`Applied to ${topic}`, { description: "Kafka reports the new configuration." });
      else toast.warning("Saved; Kafka has not applied it yet", { description: r.warning, duration: 15_000 });
      router.refresh();
    },
  });
  const errors = fieldErrors as Record<string, { message?: string } | undefined>;
  const [partitions, retentionHours, cleanupPolicy] = useWatch({ control: form.control, name: ["partitions", "retentionHours", "cleanupPolicy"] });
  const next = { partitions: asNumber(partitions), replicationFactor: current.replicationFactor, retentionHours: asNumber(retentionHours), cleanupPolicy: String(cleanupPolicy) };
  // The same pure checks the server runs, on what is typed now (NaN while a box is empty: no verdict).
  const verdicts = { ...checkTopicChange(current, next), ...checkTopicLimits(next, undefined, policies) };
  const message = (f: string) => errors[f]?.message ?? verdicts[f];

  return (
    <form noValidate aria-label={`Configuration of ${topic}`} className="grid gap-4 sm:grid-cols-3" onSubmit={onSubmit}>
      {failure ? <Alert tone="error" className="sm:col-span-3">{failure}</Alert> : null}
      <Field label="Partitions" error={message("partitions")} hint={`Now ${current.partitions}; Kafka can only add.`}>
        {(p) => <Input type="number" min={current.partitions} {...p} {...form.register("partitions")} />}
      </Field>
      <Field label="Retention, hours" error={message("retentionHours")} hint={`Policy: ${policies.minRetentionHours}–${policies.maxRetentionHours}.`}>
        {(p) => <Input type="number" min={1} {...p} {...form.register("retentionHours")} />}
      </Field>
      <Field label="Cleanup policy" error={message("cleanupPolicy")}>
        {(p) => (
          <Select {...p} {...form.register("cleanupPolicy")}>
            <option value="delete">Delete old segments</option>
            <option value="compact">Compact by key</option>
          </Select>
        )}
      </Field>
      <div className="flex justify-end sm:col-span-3">
        <Button type="submit" disabled={pending}>{pending ? "Applying…" : "Apply to Kafka"}</Button>
      </div>
    </form>
  );
}
