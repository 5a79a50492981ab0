import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { listNotifications } from "@/lib/notifications";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RenewAccess } from "@/components/access/request-actions";
import { when } from "@/components/access/status";
import { MarkRead } from "@/components/notifications/mark-read";
import { cn } from "@/lib/utils";
import { renewAccessAction } from "../access/actions";
import { markReadAction } from "./actions";
import { outageAware } from "@/components/layout/outage-aware";

export const metadata: Metadata = { title: "Notifications" };

async function NotificationsPage() {
  const viewer = await requireViewer("/notifications");
  const notices = await listNotifications(viewer);
  const unread = notices.filter((n) => !n.readAt).length;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Notifications</h1>
          <p className="mt-1 text-sm text-slate-600">Decisions, revocations, comments and access that ends soon. {unread} unread.</p>
        </div>
        {unread > 0 ? <MarkRead label="Mark all read" markRead={markReadAction} /> : null}
      </div>
      <Card>
        <CardBody className="p-0">
          {notices.length === 0 ? (
            <div className="p-5">
              <EmptyState title="Nothing new">You will hear here when someone decides, comments or when access ends.</EmptyState>
            </div>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="Notifications">
              {notices.map((n) => {
                const requestId = n.href?.startsWith("/access/") ? n.href.slice("/access/".length) : null;
                return (
                  <li key={n.id} className={cn("flex flex-wrap items-start gap-4 px-5 py-4", !n.readAt && "bg-indigo-50/40")} data-testid={`notice-${n.kind}`}>
                    <span aria-hidden className={cn("mt-1.5 h-2 w-2 shrink-0 rounded-full", n.readAt ? "bg-transparent" : "bg-indigo-600")} />
                    <div className="min-w-0 flex-1 space-y-0.5">
                      <p className="text-sm font-medium text-slate-900">{n.href ? <Link href={n.href} className="hover:underline">{n.title}</Link> : n.title}</p>
                      {n.body ? <p className="text-sm text-slate-600">{n.body}</p> : null}
                      <p className="text-xs text-slate-500">{when(n.createdAt)}</p>
                    </div>
                    <div className="flex items-center gap-2">
                      {n.kind === "grant.expiring" && requestId && n.title.startsWith("Your access") ? <RenewAccess requestId={requestId} renew={renewAccessAction} /> : null}
                      {!n.readAt ? <MarkRead id={n.id} label="Mark read" markRead={markReadAction} /> : null}
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
export default outageAware(NotificationsPage);
