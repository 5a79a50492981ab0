"use client";

import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { toast } from "sonner";
import { addOutputPortSchema, type AddOutputPortInput } from "@/lib/catalog/schemas";
import type { Policies } from "@/lib/governance/policies";
import { checkOutputPorts, portTopic } from "@/lib/governance/output-ports";
import type { ActionResult } from "@/lib/action-result";
import { SubmitBar } from "@/components/forms/submit-bar";
import { useActionForm } from "@/components/forms/use-action-form";
import { asNumber } from "@/components/governance/live-verdicts";
import { Alert } from "@/components/ui/alert";
import { NEW_PORT, OutputPortFields } from "./output-port-fields";

type Added = { topic: string; status: "APPLIED" | "PENDING" | "FAILED"; warning?: string };

/** "Add an output port" on a product's page: the creation form's port fields, judged by the same policies as they are typed. */
export function AddOutputPortForm({
  productId,
  productSlug,
  prefixes,
  existing,
  policies,
  submit,
}: {
  productId: string;
  productSlug: string;
  /** The owning team's topic prefixes (the first one names new topics). */
  prefixes: string[];
  existing: { names: string[]; topics: string[] };
  policies: Policies;
  submit: (input: AddOutputPortInput) => Promise<ActionResult<Added>>;
}) {
  const router = useRouter();
  const { form, errors: fieldErrors, onSubmit, pending, failure } = useActionForm({
    schema: addOutputPortSchema,
    defaultValues: { ...NEW_PORT, name: "", productId },
    action: submit,
    onSuccess: (r) => {
      if (r.status === "APPLIED") toast.success(`Created ${r.topic}`, { description: "The topic exists and your team can produce to it." });
      else toast.warning("Saved; Kafka has not caught up", { description: r.warning, duration: 15_000 });
      router.refresh();
    },
  });
  const errors = fieldErrors as Record<string, { message?: string } | undefined>;
  const [name, topic, partitions, replicationFactor, retentionHours] = useWatch({
    control: form.control,
    name: ["name", "topic", "partitions", "replicationFactor", "retentionHours"],
  });
  const index = existing.names.length;
  const prefix = prefixes[0] ?? "";
  const draft = {
    name: String(name ?? ""),
    topic: portTopic(prefix, productSlug, { name: String(name ?? ""), topic: String(topic ?? "") }, index),
    partitions: asNumber(partitions),
    replicationFactor: asNumber(replicationFactor),
    retentionHours: asNumber(retentionHours),
  };
  // The server's own checks on what is typed now (lib/governance); keys are ports.0.<field>.
  const verdicts = checkOutputPorts([draft], { allowedPrefixes: prefixes }, policies, existing);
  const message = (field: string) => errors[field]?.message ?? verdicts[`ports.0.${field}`];

  return (
    <form noValidate aria-label="Add an output port" className="space-y-4" onSubmit={onSubmit}>
      {failure ? <Alert tone="error" title="The port was not added">{failure}</Alert> : null}
      <OutputPortFields
        register={(f) => form.register(f as "name")}
        message={message}
        defaultTopic={portTopic(prefix, productSlug, { name: draft.name, topic: "" }, index)}
        policies={policies}
      />
      <SubmitBar pending={pending} label="Add output port" pendingLabel="Creating topic…" />
    </form>
  );
}
