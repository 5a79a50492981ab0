"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import type { DecideAccessRequestInput } from "@/lib/access/schemas";
import type { ActionResult } from "@/lib/action-result";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";

type Result = { status: "APPROVED" | "REJECTED" | "PENDING"; step: "OWNER" | "DATA_PROTECTION"; provisioningWarning?: string };

export function DecideRequest({
  requestId,
  productName,
  decide,
  step = "OWNER",
  withNote = false,
}: {
  requestId: string;
  productName: string;
  step?: "OWNER" | "DATA_PROTECTION";
  /** Show the reason field up front, so an approval can carry a note too (the request page). */
  withNote?: boolean;
  decide: (input: DecideAccessRequestInput) => Promise<ActionResult<Result>>;
}) {
  const router = useRouter();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const mutation = useMutation({
    mutationFn: decide,
    onSuccess: (r) => {
      if (!r.ok) return;
      const what = r.data.status === "REJECTED" ? `Rejected access to ${productName}.` : `Approved access to ${productName}.`;
      if (r.data.provisioningWarning) toast.warning(what, { description: r.data.provisioningWarning, duration: 15_000 });
      else
        toast.success(what, {
          description:
            r.data.status === "PENDING"
              ? "It now needs a data-protection approval: the data is restricted or personal."
              : r.data.status === "APPROVED"
                ? "The ACLs are applied in Kafka."
                : "The requester sees your reason.",
        });
      router.refresh();
    },
  });
  const result = mutation.data;
  const reasonError = result && !result.ok ? result.fieldErrors?.reason : undefined;
  return (
    <div className="space-y-3">
      {result && !result.ok && !reasonError ? <Alert tone="error">{result.message}</Alert> : null}
      {rejecting || withNote ? (
        <Field label={rejecting ? "Reason for rejecting" : "Reason (optional when approving)"} error={reasonError} hint="The requester sees this on the request.">
          {(p) => <Textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} {...p} />}
        </Field>
      ) : null}
      <div className="flex gap-2">
        {rejecting ? (
          <>
            <Button variant="danger" size="sm" disabled={mutation.isPending} onClick={() => mutation.mutate({ requestId, decision: "REJECT", reason })}>
              Confirm rejection
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setRejecting(false)}>
              Back
            </Button>
          </>
        ) : (
          <>
            <Button size="sm" disabled={mutation.isPending} aria-label={`Approve access to ${productName}`} onClick={() => mutation.mutate({ requestId, decision: "APPROVE", reason: withNote && reason.trim() ? reason : undefined })}>
              {mutation.isPending ? "Approving…" : step === "DATA_PROTECTION" ? "Approve (data protection)" : "Approve"}
            </Button>
            <Button variant="secondary" size="sm" onClick={() => setRejecting(true)}>
              Reject…
            </Button>
          </>
        )}
      </div>
    </div>
  );
}
