import Link from "next/link";
import type { Viewer } from "@/lib/auth";
import { listConsumers } from "@/lib/access";
import { Badge } from "@/components/ui/badge";
import { RevokeAccess } from "@/components/access/request-actions";
import { day } from "@/components/access/status";
import { revokeAccessAction } from "@/app/access/actions";
import { outageAware } from "@/components/layout/outage-aware";

/** The product page's Consumers card body: teams with access, and (for owners and admins) revoke. */
async function ConsumersSection({ viewer, product }: { viewer: Viewer; product: { id: string; ownerTeamId: string; lifecycle: string; domainId: string } }) {
  const consumers = await listConsumers(viewer, product);
  if (consumers.length === 0) return <p className="text-sm text-slate-500">No other team reads this product yet.</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm" aria-label="Consumers">
      {consumers.map((c) => (
        <li key={c.requestId} className="flex flex-wrap items-center justify-between gap-2 py-2 first:pt-0 last:pb-0" data-testid={`consumer-${c.team.name}`}>
          <div>
            <p className="font-medium">{c.canRevoke ? <Link href={`/access/${c.requestId}`} className="hover:underline">{c.team.name}</Link> : c.team.name}</p>
            <p className="text-xs text-slate-500">
              until {day(c.until)} {c.provisioning === "PENDING" ? <Badge tone="amber">ACLs pending</Badge> : null}
            </p>
          </div>
          {c.canRevoke ? <RevokeAccess requestId={c.requestId} teamName={c.team.name} revoke={revokeAccessAction} compact /> : null}
        </li>
      ))}
    </ul>
  );
}

/** A section of the product page: if the database stops answering while it loads, it says so in place. */
export const Consumers = outageAware(ConsumersSection);
