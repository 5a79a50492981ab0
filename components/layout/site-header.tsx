import Link from "next/link";
import { getViewer, signOutHere } from "@/lib/auth/session";
import { countInbox } from "@/lib/access";
import { countUnreadNotifications } from "@/lib/notifications";
import { Button } from "@/components/ui/button";
import { signOutEverywhereAction } from "@/app/account/actions";
import { NavLink } from "./nav-link";
import { SignOutEverywhere } from "./sign-out-everywhere";

export async function SiteHeader() {
  const viewer = await getViewer();
  const [inbox, unread] = viewer ? await Promise.all([countInbox(viewer), countUnreadNotifications(viewer)]) : [0, 0];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4 sm:px-6 lg:px-8">
        <Link href="/catalog" className="flex items-center gap-2 font-semibold text-slate-900">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-indigo-600 text-sm text-white">M</span>
          Meshport
        </Link>
        {viewer ? (
          <nav aria-label="Main" className="flex flex-1 items-center gap-1 text-sm">
            <NavLink href="/dashboard">Dashboard</NavLink>
            <NavLink href="/catalog">Catalog</NavLink>
            <NavLink href="/my-access">My access</NavLink>
            <NavLink href="/products/new">New data product</NavLink>
            <NavLink href="/lineage">Lineage</NavLink>
            <NavLink href="/connectors">Connectors</NavLink>
            <NavLink href="/teams">Teams</NavLink>
            <NavLink href="/access">
              Access requests
              {inbox > 0 ? (
                <span className="ml-1.5 rounded-full bg-indigo-600 px-1.5 py-0.5 text-xs font-semibold text-white" aria-label={`${inbox} awaiting your decision`}>
                  {inbox}
                </span>
              ) : null}
            </NavLink>
            {viewer.isPlatformAdmin ? (
              <>
                <NavLink href="/admin/organisation">Organisation</NavLink>
                <NavLink href="/admin/policies">Policies</NavLink>
                <NavLink href="/admin/audit">Audit log</NavLink>
                <NavLink href="/admin/drift">ACL drift</NavLink>
                <NavLink href="/admin/users">Users</NavLink>
                <NavLink href="/admin/sign-in">Sign-in</NavLink>
                <NavLink href="/admin/cluster">Cluster</NavLink>
              </>
            ) : null}
          </nav>
        ) : (
          <div className="flex-1" />
        )}
        {viewer ? (
          <form
            action={async () => {
              "use server";
              await signOutHere();
            }}
            className="flex items-center gap-3"
          >
            <Link
              href="/notifications"
              className="relative rounded-md p-1.5 text-slate-500 hover:bg-slate-50 hover:text-slate-900"
              aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}
              data-testid="notifications-bell"
            >
              <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-5 w-5">
                <path d="M10 2a6 6 0 0 0-6 6v2.59l-1.7 1.7A1 1 0 0 0 3 14h14a1 1 0 0 0 .7-1.7L16 10.58V8a6 6 0 0 0-6-6Zm0 16a3 3 0 0 1-2.83-2h5.66A3 3 0 0 1 10 18Z" />
              </svg>
              {unread > 0 ? (
                <span className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-rose-600 px-1 text-center text-[10px] leading-4 font-semibold text-white">
                  {unread > 99 ? "99+" : unread}
                </span>
              ) : null}
            </Link>
            <span className="text-sm text-slate-600" data-testid="viewer-name">
              {viewer.name}
            </span>
            <SignOutEverywhere run={signOutEverywhereAction} />
            <Button type="submit" variant="secondary" size="sm">
              Sign out
            </Button>
          </form>
        ) : null}
      </div>
    </header>
  );
}
