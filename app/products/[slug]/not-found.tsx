import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function ProductNotFound() {
  return (
    <EmptyState
      title="This data product does not exist, or you cannot see it"
      action={
        <Link href="/catalog" className="text-sm font-medium text-indigo-700 hover:underline">
          Back to the catalog
        </Link>
      }
    >
      Drafts are visible to their owning team only. Search the catalog for published products.
    </EmptyState>
  );
}
