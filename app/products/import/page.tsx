import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/session";
import { creationOptions } from "@/lib/catalog";
import { EmptyState } from "@/components/ui/empty-state";
import { ImportForm } from "@/components/contracts/import-form";
import { importProductAction, previewImportAction } from "./actions";
import { outageAware } from "@/components/layout/outage-aware";

export const metadata: Metadata = { title: "Import a data product" };

async function ImportProductPage() {
  const viewer = await requireViewer("/products/import");
  const { teams } = await creationOptions(viewer);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Import a data product</h1>
        <p className="mt-1 text-sm text-slate-600">
          From an Open Data Contract Standard (ODCS v3.0.x) contract, with its Open Data Product Standard (ODPS v1.0.0) file if you have one. Meshport checks the
          files, shows the product it will create, then creates it like the new product form: same policies, topic, ACLs and audit.
        </p>
      </div>
      {teams.length === 0 ? (
        <EmptyState title="You are not in a team yet">Data products are owned by teams. Ask a team maintainer to add you.</EmptyState>
      ) : (
        <ImportForm teams={teams.map((t) => ({ id: t.id, name: t.name }))} preview={previewImportAction} create={importProductAction} />
      )}
    </div>
  );
}
export default outageAware(ImportProductPage);
