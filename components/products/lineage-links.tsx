import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { lifecycleTone, title } from "@/components/catalog/labels";

type Linked = { slug: string; name: string; lifecycle: string };

/** "Built from" (input ports) and "Used by" (products whose input ports name this one). */
export function LineageLinks({ builtFrom, usedBy }: { builtFrom: Linked[]; usedBy: Linked[] }) {
  return (
    <div className="space-y-4 text-sm">
      <LinkList label="Built from" products={builtFrom} empty="No upstream product declared." />
      <LinkList label="Used by" products={usedBy} empty="No product declares it is built from this one." />
    </div>
  );
}

function LinkList({ label, products, empty }: { label: string; products: Linked[]; empty: string }) {
  return (
    <div>
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      {products.length === 0 ? (
        <p className="mt-1 text-slate-500">{empty}</p>
      ) : (
        <ul className="mt-1 space-y-1" aria-label={label}>
          {products.map((p) => (
            <li key={p.slug} className="flex items-center justify-between gap-2">
              <Link href={`/products/${p.slug}`} className="text-indigo-700 hover:underline">
                {p.name}
              </Link>
              {p.lifecycle !== "ACTIVE" ? <Badge tone={lifecycleTone[p.lifecycle]}>{title(p.lifecycle)}</Badge> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
