"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/action-result";
import type { UnusedGrant } from "@/lib/dashboards/unused-grants-types";
import { Button } from "@/components/ui/button";

type Revoke = (input: { requestId: string; reason: string }) => Promise<ActionResult<{ provisioningWarning?: string }>>;

/** Owners' list of unused grants, each with a one-step revoke (the reason is filled in from the facts). */
export function UnusedGrants({ grants, revoke }: { grants: UnusedGrant[]; revoke: Revoke }) {
  if (grants.length === 0) return <p className="text-sm text-slate-500">Every active grant was used recently.</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm" aria-label="Unused grants">
      {grants.map((g) => (
        <UnusedGrantRow key={g.grantId} grant={g} revoke={revoke} />
      ))}
    </ul>
  );
}

function UnusedGrantRow({ grant: g, revoke }: { grant: UnusedGrant; revoke: Revoke }) {
  const router = useRouter();
  const since = g.lastActiveAt ? `last consumed ${g.lastActiveAt.slice(0, 10)}` : `nothing consumed since it was granted on ${g.grantedAt.slice(0, 10)}`;
  const reason = `Unused: ${g.principal} consumed nothing from ${g.topic} for ${g.days} days or more (${since}).`;
  const m = useMutation({
    mutationFn: revoke,
    onSuccess: (r) => {
      if (!r.ok) return void toast.error(r.message);
      toast.success(`Revoked ${g.team}'s unused access.`, { description: r.data.provisioningWarning ?? "The ACLs are removed; the team is told why." });
      router.refresh();
    },
  });
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-2 first:pt-0 last:pb-0" data-testid={`unused-grant-${g.team}`}>
      <div>
        <p className="font-medium">{g.team}</p>
        <p className="text-xs text-slate-500">
          <span className="font-mono">{g.topic}</span> · {since}
        </p>
      </div>
      <Button variant="danger" size="sm" disabled={m.isPending} onClick={() => m.mutate({ requestId: g.requestId, reason })} aria-label={`Revoke ${g.team}'s unused access`}>
        {m.isPending ? "Revoking…" : "Revoke unused access"}
      </Button>
    </li>
  );
}
