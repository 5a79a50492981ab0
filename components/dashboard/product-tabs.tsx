import Link from "next/link";
import { cn } from "@/lib/utils";

/** The product page's tabs: its catalog entry, its health (owners, admins and consumers: `health`), its lineage. */
export function ProductTabs({ slug, current, health = true }: { slug: string; current: "overview" | "health" | "lineage"; health?: boolean }) {
  const tab = (href: string, label: string, active: boolean) => (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn("border-b-2 px-1 pb-2 text-sm font-medium", active ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900")}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Product sections" className="flex gap-6 border-b border-slate-200">
      {tab(`/products/${slug}`, "Overview", current === "overview")}
      {health ? tab(`/products/${slug}/health`, "Health", current === "health") : null}
      {tab(`/products/${slug}/lineage`, "Lineage", current === "lineage")}
    </nav>
  );
}
