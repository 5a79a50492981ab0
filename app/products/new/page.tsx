import Link from "next/link";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/session";
import { creationOptions } from "@/lib/catalog";
import { EmptyState } from "@/components/ui/empty-state";
import { CreateProductForm } from "@/components/products/create-product-form";
import { createDataProductAction } from "./actions";
import { outageAware } from "@/components/layout/outage-aware";

export const metadata: Metadata = { title: "New data product" };

async function NewProductPage() {
  const viewer = await requireViewer("/products/new");
  const { teams, policies } = await creationOptions(viewer);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">New data product</h1>
        <p className="mt-1 text-sm text-slate-600">
          Meshport checks the organisation&apos;s policies, creates the Kafka topic and gives your team&apos;s principal WRITE on it.
        </p>
        <p className="mt-1 text-sm">
          <Link href="/products/import" className="font-medium text-indigo-700 hover:underline">
            Import from ODCS / ODPS files instead
          </Link>
        </p>
      </div>
      {teams.length === 0 ? (
        <EmptyState title="You are not in a team yet">Data products are owned by teams. Ask a team maintainer to add you.</EmptyState>
      ) : (
        <CreateProductForm teams={teams} policies={policies} submit={createDataProductAction} />
      )}
    </div>
  );
}
export default outageAware(NewProductPage);
