"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/action-result";
import { Button } from "@/components/ui/button";

export function MarkRead({ id, markRead, label }: { id?: string; label: string; markRead: (input: { id?: string }) => Promise<ActionResult<{ count: number }>> }) {
  const router = useRouter();
  const m = useMutation({ mutationFn: markRead, onSuccess: (r) => r.ok && router.refresh() });
  return (
    <Button variant={id ? "ghost" : "secondary"} size="sm" disabled={m.isPending} onClick={() => m.mutate(id ? { id } : {})}>
      {label}
    </Button>
  );
}
