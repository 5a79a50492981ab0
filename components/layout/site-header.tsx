import Link from "next/link";
import { getViewer, signOut } from "@/lib/auth/session";
import { countInbox } from "@/lib/access";
import { Button } from "@/components/ui/button";
import { NavLink } from "./nav-link";

export async function SiteHeader() {
  const viewer = await getViewer();
  const inbox = viewer ? await countInbox(viewer) : 0;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4 sm:px-6 lg:px-8">
        <Link href="/catalog" className="flex items-center gap-2 font-semibold text-slate-900">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-indigo-600 text-sm text-white">M</span>
          Meshport
        </Link>
        {viewer ? (
          <nav aria-label="Main" className="flex flex-1 items-center gap-1 text-sm">
            <NavLink href="/catalog">Catalog</NavLink>
            <NavLink href="/products/new">New data product</NavLink>
            <NavLink href="/access">
              Access requests
              {inbox > 0 ? (
                <span className="ml-1.5 rounded-full bg-indigo-600 px-1.5 py-0.5 text-xs font-semibold text-white" aria-label={`${inbox} awaiting your decision`}>
                  {inbox}
                </span>
              ) : null}
            </NavLink>
            {viewer.isPlatformAdmin ? <NavLink href="/admin/audit">Audit log</NavLink> : null}
          </nav>
        ) : (
          <div className="flex-1" />
        )}
        {viewer ? (
          <form
            action={async () => {
              "use server";
              await signOut({ redirectTo: "/signin" });
            }}
            className="flex items-center gap-3"
          >
            <span className="text-sm text-slate-600" data-testid="viewer-name">
              {viewer.name}
            </span>
            <Button type="submit" variant="secondary" size="sm">
              Sign out
            </Button>
          </form>
        ) : null}
      </div>
    </header>
  );
}
