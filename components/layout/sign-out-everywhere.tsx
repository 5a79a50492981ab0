"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/action-result";
import { Button } from "@/components/ui/button";

/** Ends every session of the viewer (other browsers, a copied cookie), then leaves for the sign-in page. */
export function SignOutEverywhere({ run }: { run: (input: Record<string, never>) => Promise<ActionResult<{ ended: number }>> }) {
  const router = useRouter();
  const m = useMutation({
    mutationFn: () => run({}),
    onSuccess: (r) => {
      if (!r.ok) return void toast.error(r.message);
      // This browser's session has ended too: leave for the sign-in page, with nothing cached of it.
      router.replace("/signin");
      router.refresh();
    },
  });
  return (
    <Button size="sm" variant="ghost" disabled={m.isPending} onClick={() => m.mutate()}>
      {m.isPending ? "Signing out…" : "Sign out everywhere"}
    </Button>
  );
}
