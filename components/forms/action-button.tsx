"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/action-result";
import { Button, type ButtonProps } from "@/components/ui/button";

/** A button that runs one server action with a fixed input, shows a refusal as a toast, and refreshes the page. */
export function ActionButton<I>({
  action,
  input,
  label,
  pendingLabel,
  done,
  ...props
}: Omit<ButtonProps, "onClick" | "children"> & {
  action: (input: I) => Promise<ActionResult<unknown>>;
  input: I;
  label: string;
  pendingLabel?: string;
  done?: string;
}) {
  const router = useRouter();
  const m = useMutation({
    mutationFn: action,
    onSuccess: (r) => {
      if (!r.ok) return void toast.error(r.message);
      if (done) toast.success(done);
      router.refresh();
    },
    onError: () => toast.error("Could not reach Meshport. Check your connection and try again."),
  });
  return (
    <Button {...props} disabled={m.isPending || props.disabled} onClick={() => m.mutate(input)}>
      {m.isPending ? (pendingLabel ?? label) : label}
    </Button>
  );
}
