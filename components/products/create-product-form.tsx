"use client";

import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { toast } from "sonner";
import { createDataProductSchema, type CreateDataProductInput } from "@/lib/catalog/schemas";
import type { Policies } from "@/lib/governance/policies";
import { topicNameUnder } from "@/lib/governance/prefixes";
import { formatLabel, SCHEMA_FORMATS } from "@/lib/contracts/model";
import { COMPATIBILITY_MODES } from "@/lib/schema-registry/types";
import type { ActionResult } from "@/lib/action-result";
import { SubmitBar } from "@/components/forms/submit-bar";
import { useActionForm } from "@/components/forms/use-action-form";
import { ClassificationOptions } from "@/components/governance/classification-options";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/field";

type Team = { id: string; name: string; domain: { slug: string; name: string }; topicPrefixes: string[] };
type Created = { slug: string; topic: string; provisioningWarning?: string };

const slugify = (s: string) =>
  s.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);

export function CreateProductForm({
  teams,
  policies,
  submit,
}: {
  teams: Team[];
  policies: Policies;
  submit: (input: CreateDataProductInput) => Promise<ActionResult<Created>>;
}) {
  const router = useRouter();
  const { form, errors: fieldErrors, onSubmit, pending, failure } = useActionForm({
    schema: createDataProductSchema,
    action: submit,
    onSuccess: (created) => {
      if (created.provisioningWarning) toast.warning("Saved; Kafka has not caught up", { description: created.provisioningWarning, duration: 15_000 });
      else toast.success(`Created ${created.topic}`, { description: "The topic exists and your team can produce to it." });
      router.push(`/products/${created.slug}`);
    },
    defaultValues: {
      ownerTeamId: teams[0]?.id ?? "",
      name: "",
      slug: "",
      description: "",
      classification: "INTERNAL",
      containsPii: false,
      lifecycle: "ACTIVE",
      tags: "",
      partitions: 3,
      replicationFactor: 1,
      retentionHours: 168,
      cleanupPolicy: "delete",
      freshnessSlaMinutes: "",
      schema: "",
      schemaFormat: "AVRO",
      compatibility: "BACKWARD",
    },
  });
  const { register, setValue, getFieldState } = form;
  const errors = fieldErrors as Record<string, { message?: string } | undefined>;
  const [teamId, slug] = useWatch({ control: form.control, name: ["ownerTeamId", "slug"] });
  const team = teams.find((t) => t.id === teamId);
  const topic = team && slug ? topicNameUnder(team.topicPrefixes[0] ?? `${team.domain.slug}.`, slug) : null;

  return (
    <form noValidate className="space-y-6" aria-label="New data product" onSubmit={onSubmit}>
      {failure ? (
        <Alert tone="error" title="The data product was not created">
          {failure}
        </Alert>
      ) : null}
      <Card>
        <CardHeader title="Product" description="What it is and who owns it." />
        <CardBody className="grid gap-5 sm:grid-cols-2">
          <Field label="Owning team" error={errors.ownerTeamId?.message} hint={team ? `Domain: ${team.domain.name}` : undefined}>
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
          <Field label="Lifecycle" error={errors.lifecycle?.message} hint="Drafts are visible to your team only.">
            {(p) => (
              <Select {...p} {...register("lifecycle")}>
                <option value="ACTIVE">Publish now</option>
                <option value="DRAFT">Save as draft</option>
              </Select>
            )}
          </Field>
          <Field label="Name" error={errors.name?.message}>
            {(p) => (
              <Input
                {...p}
                {...register("name", {
                  onChange: (e: { target: { value: string } }) => {
                    if (!getFieldState("slug").isDirty) setValue("slug", slugify(e.target.value));
                  },
                })}
              />
            )}
          </Field>
          <Field label="Identifier" error={errors.slug?.message} hint={topic ? `Topic: ${topic}` : "Lowercase, used in the topic name."}>
            {(p) => <Input {...p} {...register("slug")} className="font-mono" />}
          </Field>
          <Field label="Description" error={errors.description?.message} hint="Markdown. What is in it, where it comes from, how to use it." className="sm:col-span-2">
            {(p) => <Textarea rows={5} {...p} {...register("description")} />}
          </Field>
          <Field label="Tags" error={errors.tags?.message} hint="Separated by commas or spaces." className="sm:col-span-2">
            {(p) => <Input {...p} {...register("tags")} placeholder="orders, real-time" />}
          </Field>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Governance" description="Classification decides who must approve access." />
        <CardBody className="grid gap-5 sm:grid-cols-2">
          <Field label="Classification" error={errors.classification?.message}>
            {(p) => (
              <Select {...p} {...register("classification")}>
                <ClassificationOptions />
              </Select>
            )}
          </Field>
          <Field label="Freshness promise, minutes (optional)" error={errors.freshnessSlaMinutes?.message}>
            {(p) => <Input type="number" min={1} {...p} {...register("freshnessSlaMinutes")} />}
          </Field>
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input type="checkbox" className="h-4 w-4 rounded border-slate-300" {...register("containsPii")} />
            Contains personal data (policy: classification {policies.piiMinClassification.toLowerCase()} or higher)
          </label>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Kafka topic" description="The output port consumers read from." />
        <CardBody className="grid gap-5 sm:grid-cols-2">
          <Field label="Partitions" error={errors.partitions?.message} hint={`At most ${policies.maxPartitions}.`}>
            {(p) => <Input type="number" min={1} {...p} {...register("partitions")} />}
          </Field>
          <Field label="Replication factor" error={errors.replicationFactor?.message} hint={`At most ${policies.maxReplicationFactor}, and no more than the cluster's brokers.`}>
            {(p) => <Input type="number" min={1} {...p} {...register("replicationFactor")} />}
          </Field>
          <Field label="Retention, hours" error={errors.retentionHours?.message} hint={`Between ${policies.minRetentionHours} and ${policies.maxRetentionHours}.`}>
            {(p) => <Input type="number" min={1} {...p} {...register("retentionHours")} />}
          </Field>
          <Field label="Cleanup policy" error={errors.cleanupPolicy?.message}>
            {(p) => (
              <Select {...p} {...register("cleanupPolicy")}>
                <option value="delete">Delete old segments</option>
                <option value="compact">Compact by key</option>
              </Select>
            )}
          </Field>
          <Field label="Schema format" error={errors.schemaFormat?.message}>
            {(p) => (
              <Select {...p} {...register("schemaFormat")}>
                {SCHEMA_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {formatLabel[f]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Compatibility mode" error={errors.compatibility?.message} hint="What the Schema Registry enforces for later versions.">
            {(p) => (
              <Select {...p} {...register("compatibility")}>
                {COMPATIBILITY_MODES.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field
            label="Schema (optional)"
            error={errors.schema?.message}
            hint="Avro record or JSON Schema object as JSON, or a .proto file; registered in the Schema Registry as version 1 of the contract."
            className="sm:col-span-2"
          >
            {(p) => <Textarea rows={6} className="font-mono text-xs" {...p} {...register("schema")} />}
          </Field>
        </CardBody>
      </Card>

      <SubmitBar pending={pending} label="Create data product" pendingLabel="Creating topic…" />
    </form>
  );
}
