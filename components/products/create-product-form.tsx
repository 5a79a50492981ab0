"use client";

import { useRouter } from "next/navigation";
import { useFieldArray, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { createDataProductSchema, type CreateDataProductInput } from "@/lib/catalog/schemas";
import { checkProductMetadata, type Classification, type Policies } from "@/lib/governance/policies";
import { checkOutputPorts, portTopic } from "@/lib/governance/output-ports";
import type { ActionResult } from "@/lib/action-result";
import { SubmitBar } from "@/components/forms/submit-bar";
import { useActionForm } from "@/components/forms/use-action-form";
import { ClassificationOptions } from "@/components/governance/classification-options";
import { asNumber, splitTags } from "@/components/governance/live-verdicts";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { NEW_PORT, OutputPortFields } from "./output-port-fields";

type Team = { id: string; name: string; domain: { slug: string; name: string }; topicPrefixes: string[] };
type Created = { slug: string; topic: string; topics: string[]; provisioningWarning?: string };
type PortErrors = Record<string, { message?: string } | undefined>;

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
      else toast.success(`Created ${created.topics.join(", ")}`, { description: `The topic${created.topics.length === 1 ? " exists" : "s exist"} and your team can produce to ${created.topics.length === 1 ? "it" : "them"}.` });
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
      freshnessSlaMinutes: "",
      ports: [NEW_PORT],
    },
  });
  const { register, setValue, getFieldState } = form;
  const errors = fieldErrors as Record<string, { message?: string } | undefined>;
  const ports = useFieldArray({ control: form.control, name: "ports" });
  const [teamId, slug, watchedPorts, classification, containsPii, tags] = useWatch({
    control: form.control,
    name: ["ownerTeamId", "slug", "ports", "classification", "containsPii", "tags"],
  });
  const team = teams.find((t) => t.id === teamId);
  const prefix = team ? (team.topicPrefixes[0] ?? `${team.domain.slug}.`) : null;
  // The policies the server applies, run here as the owner types (same pure code, lib/governance).
  const drafts = (watchedPorts ?? []).map((p, i) => ({
    name: String(p?.name ?? ""),
    topic: prefix && slug ? portTopic(prefix, String(slug), { name: String(p?.name ?? ""), topic: String(p?.topic ?? "") }, i) : String(p?.topic ?? ""),
    partitions: asNumber(p?.partitions),
    replicationFactor: asNumber(p?.replicationFactor),
    retentionHours: asNumber(p?.retentionHours),
  }));
  // Keys are ports.<i>.<field> by position; a port with no topic yet (no identifier typed) gets no topic verdict.
  const portVerdicts = team ? checkOutputPorts(drafts, { allowedPrefixes: team.topicPrefixes }, policies) : {};
  drafts.forEach((d, i) => {
    if (!d.topic) delete portVerdicts[`ports.${i}.topic`];
  });
  const verdicts = {
    ...portVerdicts,
    ...checkProductMetadata({ classification: classification as Classification, containsPii: Boolean(containsPii), tags: splitTags(tags) }, policies),
  };
  const message = (field: string) => errors[field]?.message ?? verdicts[field];
  const portErrors = (fieldErrors as { ports?: PortErrors[] }).ports ?? [];
  const portMessage = (i: number) => (field: string) => portErrors[i]?.[field]?.message ?? verdicts[`ports.${i}.${field}`];

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
          <Field label="Identifier" error={errors.slug?.message} hint="Lowercase, used in the topics' names.">
            {(p) => <Input {...p} {...register("slug")} className="font-mono" />}
          </Field>
          <Field label="Description" error={errors.description?.message} hint="Markdown. What is in it, where it comes from, how to use it." className="sm:col-span-2">
            {(p) => <Textarea rows={5} {...p} {...register("description")} />}
          </Field>
          <Field label="Tags" error={message("tags")} hint="Separated by commas or spaces." className="sm:col-span-2">
            {(p) => <Input {...p} {...register("tags")} placeholder="orders, real-time" />}
          </Field>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Governance" description="Classification decides who must approve access." />
        <CardBody className="grid gap-5 sm:grid-cols-2">
          <Field label="Classification" error={message("classification")}>
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

      {ports.fields.map((field, i) => (
        <Card key={field.id}>
          <fieldset aria-label={`Output port ${i + 1}`}>
            <CardHeader
              title={`Output port ${i + 1}`}
              description="A Kafka topic consumers read from, with its own configuration."
              actions={
                ports.fields.length > 1 ? (
                  <Button variant="ghost" size="sm" onClick={() => ports.remove(i)}>
                    Remove port {i + 1}
                  </Button>
                ) : null
              }
            />
            <CardBody>
              <OutputPortFields
                register={(f) => register(`ports.${i}.${f}` as "ports.0.name")}
                message={portMessage(i)}
                defaultTopic={prefix && slug ? portTopic(prefix, String(slug), { name: drafts[i]?.name ?? "", topic: "" }, i) : null}
                policies={policies}
              />
            </CardBody>
          </fieldset>
        </Card>
      ))}
      {errors.ports?.message ? <Alert tone="error">{errors.ports.message}</Alert> : null}
      <div>
        <Button variant="secondary" onClick={() => ports.append({ ...NEW_PORT, name: ports.fields.length === 1 ? "snapshot" : `port${ports.fields.length + 1}` })}>
          Add another output port
        </Button>
      </div>

      <SubmitBar pending={pending} label="Create data product" pendingLabel="Creating topic…" />
    </form>
  );
}
