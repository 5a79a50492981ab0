"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/action-result";
import { Button } from "@/components/ui/button";

type Report = { checked: number; restored: number; removed: number; unmanaged: number };

export function ReconcileNow({ run }: { run: (input: Record<string, never>) => Promise<ActionResult<Report>> }) {
  const router = useRouter();
  const m = useMutation({
    mutationFn: run,
    onSuccess: (r) => {
      if (!r.ok) return void toast.error(r.message);
      toast.success(`Checked ${r.data.checked} ACLs`, { description: `${r.data.restored} restored, ${r.data.removed} removed, ${r.data.unmanaged} unmanaged.` });
      router.refresh();
    },
  });
  return (
    <Button disabled={m.isPending} onClick={() => m.mutate({})}>
      {m.isPending ? "Reconciling…" : "Reconcile now"}
    </Button>
  );
}
