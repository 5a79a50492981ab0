import Link from "next/link";
import type { ReactNode } from "react";

/** The heading the output port's schema pages share: the product it belongs to, a title on its topic, a line of facts. */
export function PortPageHeader({ product, port, title, children }: { product: { slug: string; name: string }; port: { name: string; topic: string }; title: string; children: ReactNode }) {
  return (
    <div>
      <p className="text-sm text-slate-500">
        <Link href={`/products/${product.slug}`} className="text-indigo-700 hover:underline">
          {product.name}
        </Link>{" "}
        · output port {port.name}
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">
        {title} <span className="font-mono text-xl">{port.topic}</span>
      </h1>
      <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">{children}</p>
    </div>
  );
}
