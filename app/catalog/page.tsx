import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/session";
import { isDatabaseUnavailable } from "@/lib/db";
import { searchCatalog } from "@/lib/catalog";
import { catalogQueryString, parseCatalogSearch } from "@/lib/catalog/search-params";
import { CatalogSearch } from "@/components/catalog/catalog-search";
import { Alert } from "@/components/ui/alert";
import { outageAware } from "@/components/layout/outage-aware";

export const metadata: Metadata = { title: "Catalog" };

type Search = Record<string, string | string[] | undefined>;

/** Server-renders the first answer for the URL's view; the client component takes over from there. */
async function CatalogPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = parseCatalogSearch(await searchParams);
  const query = catalogQueryString(search);
  const viewer = await requireViewer(`/catalog${query ? `?${query}` : ""}`);
  // Only when that is the cause: any other failure goes to the error page with its reference.
  const initial = await searchCatalog(viewer, search).catch((e: unknown) => {
    if (isDatabaseUnavailable(e)) return null;
    throw e;
  });
  if (!initial) {
    return (
      <Alert tone="error" title="The catalog could not be loaded">
        The database did not answer. Try again in a moment; if it keeps failing, tell the platform team.
      </Alert>
    );
  }
  return <CatalogSearch initial={initial} initialKey={query} />;
}
export default outageAware(CatalogPage);
