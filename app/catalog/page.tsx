import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/session";
import { searchCatalog } from "@/lib/catalog";
import { catalogQueryString, parseCatalogSearch } from "@/lib/catalog/search-params";
import { CatalogSearch } from "@/components/catalog/catalog-search";
import { outageAware } from "@/components/layout/outage-aware";

export const metadata: Metadata = { title: "Catalog" };

type Search = Record<string, string | string[] | undefined>;

/** Server-renders the first answer for the URL's view; the client component takes over from there. */
async function CatalogPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = parseCatalogSearch(await searchParams);
  const query = catalogQueryString(search);
  const viewer = await requireViewer(`/catalog${query ? `?${query}` : ""}`);
  const initial = await searchCatalog(viewer, search);
  return <CatalogSearch initial={initial} initialKey={query} />;
}
export default outageAware(CatalogPage);
