"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/action-result";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";

type Id = { requestId: string };

/** Revoke with a reason the consumer is shown. Used on the request page and the product's Consumers card. */
export function RevokeAccess({
  requestId,
  teamName,
  revoke,
  compact = false,
}: {
  requestId: string;
  teamName: string;
  revoke: (input: Id & { reason: string }) => Promise<ActionResult<{ provisioningWarning?: string }>>;
  compact?: boolean;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const mutation = useMutation({
    mutationFn: revoke,
    onSuccess: (r) => {
      if (!r.ok) return;
      setOpen(false);
      if (r.data.provisioningWarning) toast.warning(`Revoked ${teamName}'s access.`, { description: r.data.provisioningWarning, duration: 15_000 });
      else toast.success(`Revoked ${teamName}'s access.`, { description: "The ACLs are removed from Kafka; the team is told why." });
      router.refresh();
    },
  });
  const result = mutation.data;
  const reasonError = result && !result.ok ? result.fieldErrors?.reason : undefined;
  if (!open) {
    return (
      <Button variant={compact ? "ghost" : "danger"} size="sm" onClick={() => setOpen(true)} aria-label={`Revoke ${teamName}'s access`} className={compact ? "text-rose-700" : undefined}>
        Revoke…
      </Button>
    );
  }
  return (
    <div className="w-full space-y-2">
      {result && !result.ok && !reasonError ? <Alert tone="error">{result.message}</Alert> : null}
      <Field label="Reason for revoking" error={reasonError} hint={`${teamName} sees this.`}>
        {(p) => <Textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} {...p} />}
      </Field>
      <div className="flex gap-2">
        <Button variant="danger" size="sm" disabled={mutation.isPending} onClick={() => mutation.mutate({ requestId, reason })}>
          {mutation.isPending ? "Revoking…" : "Confirm revocation"}
        </Button>
        <Button variant="ghost" size="sm" onClick={() => setOpen(false)}>
          Keep access
        </Button>
      </div>
    </div>
  );
}

function useSimpleAction<T>(run: (input: Id) => Promise<ActionResult<T>>, success: string, after?: (data: T) => void) {
  const router = useRouter();
  return useMutation({
    mutationFn: run,
    onSuccess: (r) => {
      if (!r.ok) return void toast.error(r.message);
      toast.success(success);
      after?.(r.data);
      router.refresh();
    },
  });
}

export function CancelRequest({ requestId, cancel }: Id & { cancel: (input: Id) => Promise<ActionResult<{ cancelled: boolean }>> }) {
  const m = useSimpleAction(cancel, "Request cancelled.");
  return (
    <Button variant="secondary" size="sm" disabled={m.isPending} onClick={() => m.mutate({ requestId })}>
      Cancel request
    </Button>
  );
}

export function RenewAccess({ requestId, renew }: Id & { renew: (input: Id) => Promise<ActionResult<{ requestId: string }>> }) {
  const router = useRouter();
  const m = useSimpleAction(renew, "Renewal requested. The owners decide as before.", (d) => router.push(`/access/${d.requestId}`));
  return (
    <Button size="sm" disabled={m.isPending} onClick={() => m.mutate({ requestId })}>
      {m.isPending ? "Requesting…" : "Request renewal"}
    </Button>
  );
}

/** While the ACLs are being applied or removed, refresh the page every 2 s so the status moves by itself. */
export function RefreshWhile({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(t);
  }, [active, router]);
  return null;
}

export function CommentForm({ requestId, comment }: Id & { comment: (input: Id & { body: string }) => Promise<ActionResult<{ commentId: string }>> }) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const mutation = useMutation({
    mutationFn: comment,
    onSuccess: (r) => {
      if (!r.ok) return;
      setBody("");
      router.refresh();
    },
  });
  const result = mutation.data;
  const error = result && !result.ok ? (result.fieldErrors?.body ?? result.message) : undefined;
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate({ requestId, body });
      }}
    >
      <Field label="Add a comment" error={error}>
        {(p) => <Textarea rows={2} value={body} onChange={(e) => setBody(e.target.value)} placeholder="Ask a question or add context…" {...p} />}
      </Field>
      <Button type="submit" size="sm" variant="secondary" disabled={mutation.isPending}>
        {mutation.isPending ? "Posting…" : "Post comment"}
      </Button>
    </form>
  );
}
