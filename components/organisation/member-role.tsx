"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/action-result";
import { Select } from "@/components/ui/field";

type Role = "MAINTAINER" | "MEMBER";

/** A member's role, changed in place (refused with the reason when it would leave the team without a maintainer). */
export function MemberRole({
  teamId,
  userId,
  name,
  role,
  change,
}: {
  teamId: string;
  userId: string;
  name: string;
  role: Role;
  change: (input: { teamId: string; userId: string; role: Role }) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const m = useMutation({
    mutationFn: change,
    onSuccess: (r) => {
      if (!r.ok) toast.error(r.message);
      else toast.success(`${name}'s role saved`);
      router.refresh();
    },
  });
  return (
    <Select aria-label={`Role of ${name}`} className="w-36" value={role} disabled={m.isPending} onChange={(e) => m.mutate({ teamId, userId, role: e.target.value as Role })}>
      <option value="MAINTAINER">Maintainer</option>
      <option value="MEMBER">Member</option>
    </Select>
  );
}
