import Link from "next/link";

/**
 * The catalog's title row, shared by the page and its loading skeleton: the largest text on a phone's
 * first screen is painted with the skeleton and stays put when the results arrive (docs/decisions/0067).
 */
export function CatalogHeading() {
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Data products</h1>
        <p className="mt-1 text-sm text-slate-600">Find data by name, description, tag, domain, owner team or schema field.</p>
      </div>
      <Link
        href="/products/new"
        className="inline-flex items-center rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700 dark:hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        New data product
      </Link>
    </div>
  );
}
