"use client";

import { CompatibilityOptions } from "@/components/contracts/compatibility-options";
import type { UseFormRegisterReturn } from "react-hook-form";
import type { Policies } from "@/lib/governance/policies";
import { formatLabel, SCHEMA_FORMATS } from "@/lib/contracts/model";
import { Field, Input, Select, Textarea } from "@/components/ui/field";

/** The fields of one output port: a topic with its own layout and optional schema (create form and "Add an output port"). */
export function OutputPortFields({
  register,
  message,
  defaultTopic,
  policies,
}: {
  /** Registers the port's field by its own name ("partitions"); the caller adds the list prefix. */
  register: (field: string) => UseFormRegisterReturn;
  /** The field's error, or the policies' verdict on what is typed now. */
  message: (field: string) => string | undefined;
  /** The topic the port gets when the box is left empty. */
  defaultTopic: string | null;
  policies: Policies;
}) {
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <Field label="Port" error={message("name")} hint="What the port carries, e.g. events or snapshot.">
        {(p) => <Input {...p} {...register("name")} className="font-mono" />}
      </Field>
      <Field label="Topic" error={message("topic")} hint={defaultTopic ? `Empty: ${defaultTopic}` : "Under your team's prefix, ending in .v1."}>
        {(p) => <Input {...p} {...register("topic")} placeholder={defaultTopic ?? undefined} className="font-mono" />}
      </Field>
      <Field label="Partitions" error={message("partitions")} hint={`At most ${policies.maxPartitions}.`}>
        {(p) => <Input type="number" min={1} {...p} {...register("partitions")} />}
      </Field>
      <Field label="Replication factor" error={message("replicationFactor")} hint={`At most ${policies.maxReplicationFactor}, and no more than the cluster's brokers.`}>
        {(p) => <Input type="number" min={1} {...p} {...register("replicationFactor")} />}
      </Field>
      <Field label="Retention, hours" error={message("retentionHours")} hint={`Between ${policies.minRetentionHours} and ${policies.maxRetentionHours}.`}>
        {(p) => <Input type="number" min={1} {...p} {...register("retentionHours")} />}
      </Field>
      <Field label="Cleanup policy" error={message("cleanupPolicy")}>
        {(p) => (
          <Select {...p} {...register("cleanupPolicy")}>
            <option value="delete">Delete old segments</option>
            <option value="compact">Compact by key</option>
          </Select>
        )}
      </Field>
      <Field label="Schema format" error={message("schemaFormat")}>
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
      <Field label="Compatibility mode" error={message("compatibility")} hint="What the Schema Registry enforces for later versions.">
        {(p) => (
          <Select {...p} {...register("compatibility")}>
            <CompatibilityOptions />
          </Select>
        )}
      </Field>
      <Field
        label="Schema (optional)"
        error={message("schema")}
        hint="Avro record or JSON Schema object as JSON, or a .proto file; registered in the Schema Registry as version 1 of the contract."
        className="sm:col-span-2"
      >
        {(p) => <Textarea rows={6} className="font-mono text-xs" {...p} {...register("schema")} />}
      </Field>
    </div>
  );
}

/** A new port's form values. */
export const NEW_PORT = {
  name: "events",
  topic: "",
  partitions: 3,
  replicationFactor: 1,
  retentionHours: 168,
  cleanupPolicy: "delete" as const,
  schema: "",
  schemaFormat: "AVRO" as const,
  compatibility: "BACKWARD" as const,
};
