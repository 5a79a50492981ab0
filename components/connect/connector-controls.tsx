"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/action-result";
import { ActionButton } from "@/components/forms/action-button";
import { Button } from "@/components/ui/button";

type Operation = "pause" | "resume" | "restart";

/** Pause or resume, restart, and delete (after the team confirms it): the owning team's controls. */
export function ConnectorControls({
  id,
  name,
  paused,
  operate,
  remove,
}: {
  id: string;
  name: string;
  paused: boolean;
  operate: (input: { id: string; operation: Operation }) => Promise<ActionResult<unknown>>;
  remove: (input: { id: string }) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const deletion = useMutation({
    mutationFn: remove,
    onSuccess: (r) => {
      if (!r.ok) return void toast.error(r.message);
      toast.success(`Connector ${name} deleted`);
      router.push("/connectors");
    },
    onError: () => toast.error("Could not reach Meshport. Check your connection and try again."),
  });
  return (
    <div className="flex flex-wrap items-center gap-2">
      {paused ? (
        <ActionButton action={operate} input={{ id, operation: "resume" }} label="Resume" pendingLabel="Resuming…" done="Resumed" size="sm" variant="secondary" />
      ) : (
        <ActionButton action={operate} input={{ id, operation: "pause" }} label="Pause" pendingLabel="Pausing…" done="Paused" size="sm" variant="secondary" />
      )}
      <ActionButton action={operate} input={{ id, operation: "restart" }} label="Restart" pendingLabel="Restarting…" done="Restarted with its tasks" size="sm" variant="secondary" />
      {confirming ? (
        <>
          <Button size="sm" variant="danger" disabled={deletion.isPending} onClick={() => deletion.mutate({ id })}>
            {deletion.isPending ? "Deleting…" : `Delete ${name}`}
          </Button>
          <Button size="sm" variant="secondary" onClick={() => setConfirming(false)}>Keep it</Button>
        </>
      ) : (
        <Button size="sm" variant="danger" onClick={() => setConfirming(true)}>Delete…</Button>
      )}
    </div>
  );
}
