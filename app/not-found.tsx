import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  return (
    <EmptyState
      title="This page does not exist, or you cannot see it"
      action={
        <Link href="/catalog" className="text-sm font-medium text-indigo-700 hover:underline">
          Go to the catalog
        </Link>
      }
    >
      Check the address. Pages for drafts, other teams&apos; requests and admin tools answer like this when they are not yours.
    </EmptyState>
  );
}
