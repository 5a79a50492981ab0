import Link from "next/link";
import { getViewer, signOutHere } from "@/lib/auth/session";
import { countInbox } from "@/lib/access";
import { countUnreadNotifications } from "@/lib/notifications";
import { Button } from "@/components/ui/button";
import { setThemeAction, signOutEverywhereAction } from "@/app/account/actions";
import { themeFor } from "@/lib/theme";
import { isDatabaseUnavailable } from "@/lib/db";
import { NavGroup } from "./nav-group";
import { NavLink } from "./nav-link";
import { SignOutEverywhere } from "./sign-out-everywhere";
import { SiteMenu } from "./site-menu";
import { ThemeControl } from "./theme-control";

/** The platform admin's pages, grouped under "Admin" in the header. */
const ADMIN_PAGES = [
  { href: "/admin/organisation", label: "Organisation" },
  { href: "/admin/policies", label: "Policies" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/drift", label: "ACL drift" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/sign-in", label: "Sign-in" },
  { href: "/admin/cluster", label: "Cluster" },
];

export async function SiteHeader() {
  const viewer = await getViewer();
  // The badges are the only queries here: if the database stops answering mid-request, the header
  // goes without them and the page says what happened (components/layout/outage-aware.tsx).
  const [inbox, unread] = viewer
    ? await Promise.all([countInbox(viewer), countUnreadNotifications(viewer)]).catch((e: unknown) => {
        if (isDatabaseUnavailable(e)) return [0, 0] as const;
        throw e;
      })
    : [0, 0];
  return (
    <header className="relative border-b border-slate-200 bg-surface">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4 sm:px-6 lg:px-8 xl:gap-4">
        <Link href="/catalog" className="flex items-center gap-2 font-semibold text-slate-900">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-indigo-600 text-sm text-white">M</span>
          Meshport
        </Link>
        {viewer ? (
          <SiteMenu>
            <nav aria-label="Main" className="flex flex-col gap-1 text-sm xl:flex-1 xl:flex-row xl:items-center">
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
                <NavGroup label="Admin" heading="Admin" under="/admin/">
                  {ADMIN_PAGES.map((p) => (
                    <NavLink key={p.href} href={p.href}>
                      {p.label}
                    </NavLink>
                  ))}
                </NavGroup>
              ) : null}
            </nav>
            <NavGroup
              label={
                <span className="max-w-40 truncate" data-testid="viewer-name">
                  {viewer.name}
                </span>
              }
              heading={`Signed in as ${viewer.name}`}
              align="end"
            >
              <div className="flex flex-wrap items-center gap-3 px-3 py-2 xl:w-max xl:flex-col xl:items-stretch xl:gap-2 xl:p-2">
                <ThemeControl initial={await themeFor(viewer)} run={setThemeAction} />
                <SignOutEverywhere run={signOutEverywhereAction} />
                <form
                  action={async () => {
                    "use server";
                    await signOutHere();
                  }}
                  className="contents"
                >
                  <Button type="submit" variant="secondary" size="sm">
                    Sign out
                  </Button>
                </form>
              </div>
            </NavGroup>
          </SiteMenu>
        ) : (
          <div className="flex-1" />
        )}
        {viewer ? (
          <Link
            href="/notifications"
            className="relative ml-auto shrink-0 rounded-md p-2 text-slate-500 hover:bg-slate-50 hover:text-slate-900 xl:ml-0"
            aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}
            data-testid="notifications-bell"
          >
            <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-5 w-5">
              <path d="M10 2a6 6 0 0 0-6 6v2.59l-1.7 1.7A1 1 0 0 0 3 14h14a1 1 0 0 0 .7-1.7L16 10.58V8a6 6 0 0 0-6-6Zm0 16a3 3 0 0 1-2.83-2h5.66A3 3 0 0 1 10 18Z" />
            </svg>
            {unread > 0 ? (
              <span className="absolute top-0 right-0 min-w-4 rounded-full bg-rose-600 px-1 text-center text-[10px] leading-4 font-semibold text-white">
                {unread > 99 ? "99+" : unread}
              </span>
            ) : null}
          </Link>
        ) : null}
      </div>
    </header>
  );
}
