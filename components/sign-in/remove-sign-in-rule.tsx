"use client";

import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/action-result";
import { Button } from "@/components/ui/button";

/** Removes one rule; memberships it gave go at each user's next sign-in. */
export function RemoveSignInRule({ ruleKey, label, remove }: { ruleKey: string; label: string; remove: (input: { key: string }) => Promise<ActionResult<{ changed: boolean }>> }) {
  const router = useRouter();
  const removing = useMutation({
    mutationFn: remove,
    onSuccess: (r) => {
      if (!r.ok) return toast.error(r.message);
      toast.success("Rule removed. What it gave goes at each user's next sign-in.");
      router.refresh();
    },
    onError: () => toast.error("Could not reach Meshport. Check your connection and try again."),
  });
  return (
    <Button size="sm" variant="secondary" disabled={removing.isPending} onClick={() => removing.mutate({ key: ruleKey })} aria-label={`Remove rule: ${label}`}>
      Remove
    </Button>
  );
}
