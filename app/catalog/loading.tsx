import { CatalogSkeleton } from "@/components/catalog/catalog-skeleton";

export default function Loading() {
  return <CatalogSkeleton />;
}
