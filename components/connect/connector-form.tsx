"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { get } from "react-hook-form";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/action-result";
import type { PluginField } from "@/lib/connect/plugin-fields";
import { createConnectorSchema, type CreateConnectorInput } from "@/lib/connect/schemas";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";

type TeamChoice = { id: string; slug: string; name: string; owned: string[]; granted: string[] };
type Plugin = { class: string; type: string };

const shortName = (cls: string) => cls.split(".").pop() ?? cls;

/**
 * A connector from its plugin's own configuration definition: choosing a plugin asks Connect (through
 * the server) for its fields; the team fills them in; Meshport's policy and Connect's validation answer
 * at the fields. Secret fields are password inputs and are never filled back in.
 */
export function ConnectorForm({
  teams,
  plugins,
  describe,
  submit,
}: {
  teams: TeamChoice[];
  plugins: Plugin[];
  describe: (input: { connectorClass: string }) => Promise<ActionResult<PluginField[]>>;
  submit: (input: CreateConnectorInput) => Promise<ActionResult<{ id: string; name: string }>>;
}) {
  const router = useRouter();
  const [settings, setSettings] = useState<Record<string, string>>({});
  const first = plugins[0]!;
  const { form, errors, onSubmit, pending, failure } = useActionForm({
    schema: createConnectorSchema,
    defaultValues: { teamId: teams[0]?.id ?? "", name: "", kind: first.type === "sink" ? "SINK" : "SOURCE", connectorClass: first.class, topics: "", config: {} },
    action: (values) => submit({ ...values, config: settings }),
    onSuccess: (c) => {
      toast.success(`Connector ${c.name} created`, { description: "Kafka Connect starts its tasks in a few seconds." });
      router.push(`/connectors/${c.id}`);
    },
  });
  const connectorClass = form.watch("connectorClass");
  const kind = form.watch("kind");
  const team = teams.find((t) => t.id === form.watch("teamId")) ?? teams[0];
  const fields = useQuery({
    queryKey: ["connector-plugin-fields", connectorClass],
    queryFn: async () => {
      const r = await describe({ connectorClass });
      if (!r.ok) throw new Error(r.message);
      return r.data;
    },
  });
  const readable = team ? [...team.owned, ...team.granted] : [];
  const classField = form.register("connectorClass");

  return (
    <form noValidate aria-label="New connector" className="grid gap-4 sm:grid-cols-2" onSubmit={onSubmit}>
      {failure ? <Alert tone="error" className="sm:col-span-2">{failure}</Alert> : null}
      <Field label="Owning team" error={errors.teamId?.message}>
        {(p) => (
          <Select {...p} {...form.register("teamId")}>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>{t.name}</option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Connector plugin" error={errors.connectorClass?.message} hint={kind === "SINK" ? "A sink: reads topics into an outside system." : "A source: writes an outside system's data into a topic."}>
        {(p) => (
          <Select
            {...p}
            {...classField}
            onChange={(e) => {
              void classField.onChange(e);
              const plugin = plugins.find((x) => x.class === e.target.value);
              form.setValue("kind", plugin?.type === "sink" ? "SINK" : "SOURCE");
              setSettings({});
            }}
          >
            {plugins.map((x) => (
              <option key={x.class} value={x.class}>{`${shortName(x.class)} (${x.type})`}</option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Connector name" error={errors.name?.message} hint={team ? `Runs in Connect as ${team.slug}.<name>.` : undefined}>
        {(p) => <Input className="font-mono" {...p} {...form.register("name")} />}
      </Field>
      {kind === "SINK" ? (
        <Field label="Topics to read" error={errors.topics?.message} hint={readable.length > 0 ? `Comma-separated. Your team may read: ${readable.join(", ")}` : "Your team owns no topic and has no grant yet."}>
          {(p) => <Input className="font-mono" {...p} {...form.register("topics")} />}
        </Field>
      ) : (
        <div />
      )}
      <fieldset className="grid gap-4 sm:col-span-2 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-900">{`${shortName(connectorClass)} settings`}</legend>
        {fields.isPending ? <p className="text-sm text-slate-500">Reading the plugin&apos;s settings from Kafka Connect…</p> : null}
        {fields.isError ? <Alert tone="error" className="sm:col-span-2">{fields.error.message}</Alert> : null}
        {(fields.data ?? []).map((f) => (
          <Field
            key={`${connectorClass}:${f.name}`}
            label={f.required ? f.label : `${f.label} (optional)`}
            error={(get(errors, `config.${f.name}`) as { message?: string } | undefined)?.message}
            hint={hintFor(f, kind, team)}
          >
            {(p) => (
              <Input
                {...p}
                name={`config.${f.name}`}
                type={f.secret ? "password" : "text"}
                autoComplete={f.secret ? "new-password" : "off"}
                className="font-mono"
                placeholder={f.defaultValue ?? undefined}
                value={settings[f.name] ?? ""}
                onChange={(e) => setSettings((s) => ({ ...s, [f.name]: e.target.value }))}
              />
            )}
          </Field>
        ))}
      </fieldset>
      <div className="flex justify-end sm:col-span-2">
        <Button type="submit" disabled={pending || !fields.data}>{pending ? "Creating…" : "Create connector"}</Button>
      </div>
    </form>
  );
}

function hintFor(f: PluginField, kind: "SOURCE" | "SINK", team: TeamChoice | undefined): string {
  const doc = f.documentation.length > 160 ? `${f.documentation.slice(0, 157)}…` : f.documentation;
  if (kind === "SOURCE" && (f.name === "topic" || f.name === "kafka.topic") && team) {
    return `${doc} Your team's topics: ${team.owned.join(", ") || "none yet"}.`;
  }
  return f.secret ? `${doc} Write-only: never shown again.` : doc;
}
