"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { requestAccessSchema, type RequestAccessInput } from "@/lib/access/schemas";
import type { ActionResult } from "@/lib/action-result";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";

type Team = { teamId: string; teamName: string };

export type AccessState =
  | { state: "owner" }
  | { state: "active"; until: string | null; teamName: string; requestId: string | null; applied: boolean }
  | { state: "pending"; requestId: string; teamName: string; createdAt: string; awaiting: "owners" | "data protection" }
  | { state: "none"; lastRequestId?: string; lastStatus?: string; lastReason?: string | null };

export function RequestAccess({
  dataProductId,
  access,
  closedReason,
  teams,
  defaultUntil,
  maxUntil,
  submit,
  cancel,
}: {
  dataProductId: string;
  access: AccessState;
  /** Set when the product takes no new requests (retired, or past its sunset). */
  closedReason?: string | null;
  teams: Team[];
  defaultUntil: string;
  maxUntil: string;
  submit: (input: RequestAccessInput) => Promise<ActionResult<{ requestId: string }>>;
  cancel: (input: { requestId: string }) => Promise<ActionResult<{ cancelled: boolean }>>;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { form, errors, onSubmit, pending, failure } = useActionForm({
    schema: requestAccessSchema,
    defaultValues: { dataProductId, consumerTeamId: teams[0]?.teamId ?? "", purpose: "", accessUntil: defaultUntil, note: "" },
    action: submit,
    onSuccess: () => {
      setOpen(false);
      toast.success("Access requested", { description: "The owning team has been asked to decide." });
      router.refresh();
    },
  });
  const cancelMutation = useMutation({ mutationFn: cancel, onSuccess: (r) => r.ok && router.refresh() });

  if (access.state === "owner") return <p className="text-sm text-slate-600">Your team owns this product.</p>;
  if (access.state === "active") {
    return (
      <div className="space-y-1" data-testid="access-state">
        <p className="text-sm text-emerald-800">
          <span className="font-semibold">{access.applied ? "Access active" : "Access approved"}</span> for {access.teamName}
          {access.until ? ` until ${access.until.slice(0, 10)}` : ""}.{access.applied ? "" : " The ACLs are being applied in Kafka."}
        </p>
        {access.requestId ? (
          <Link href={`/access/${access.requestId}`} className="text-sm font-medium text-indigo-700 hover:underline">
            View the request
          </Link>
        ) : null}
      </div>
    );
  }
  if (access.state === "pending") {
    return (
      <div className="space-y-2" data-testid="access-state">
        <p className="text-sm text-amber-800">
          <span className="font-semibold">Request pending</span> for {access.teamName}, sent {access.createdAt.slice(0, 10)}.{" "}
          {access.awaiting === "owners" ? "The owning team decides." : "The owners approved; data protection decides next."}
        </p>
        <Link href={`/access/${access.requestId}`} className="mr-3 text-sm font-medium text-indigo-700 hover:underline">
          View the request
        </Link>
        <Button variant="secondary" size="sm" disabled={cancelMutation.isPending} onClick={() => cancelMutation.mutate({ requestId: access.requestId })}>
          Cancel request
        </Button>
        {cancelMutation.data && !cancelMutation.data.ok ? <Alert tone="error">{cancelMutation.data.message}</Alert> : null}
      </div>
    );
  }
  if (closedReason && access.state === "none") return <p className="text-sm text-slate-600">{closedReason}</p>;
  if (teams.length === 0) {
    return <p className="text-sm text-slate-600">Join a team to request access: access is granted to a team&apos;s Kafka principal, not to a person.</p>;
  }
  if (!open) {
    const last = access.state === "none" && access.lastRequestId ? access : null;
    return (
      <div className="space-y-3">
        {last ? (
          <Alert tone={last.lastStatus === "EXPIRED" ? "info" : "warning"} title={`Your last request was ${last.lastStatus?.toLowerCase()}`}>
            {last.lastReason ? <p>“{last.lastReason}”</p> : null}
            <Link href={`/access/${last.lastRequestId}`} className="font-medium underline">
              View it
            </Link>
          </Alert>
        ) : null}
        <Button onClick={() => setOpen(true)}>Request access</Button>
      </div>
    );
  }

  return (
    <form className="space-y-4" noValidate onSubmit={onSubmit} aria-label="Request access">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <Field label="Consuming team" error={errors.consumerTeamId?.message} hint="Its Kafka principal gets READ on the topic.">
        {(p) => (
          <Select {...p} {...form.register("consumerTeamId")}>
            {teams.map((t) => (
              <option key={t.teamId} value={t.teamId}>
                {t.teamName}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Purpose" error={errors.purpose?.message} hint="What will the data be used for? The owners read this.">
        {(p) => <Textarea rows={3} {...p} {...form.register("purpose")} />}
      </Field>
      <Field label="Access until" error={errors.accessUntil?.message} hint={`At most until ${maxUntil} by policy.`}>
        {(p) => <Input type="date" max={maxUntil} {...p} {...form.register("accessUntil")} />}
      </Field>
      <Field label="Note for the owners (optional)" error={errors.note?.message}>
        {(p) => <Textarea rows={2} {...p} {...form.register("note")} />}
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send request"}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
