import { CatalogHeading } from "./catalog-heading";

export function CatalogSkeleton() {
  return (
    <div className="space-y-6">
      <CatalogHeading />
      <div className="grid gap-8 lg:grid-cols-[15rem_1fr]" aria-busy="true" aria-label="Loading the catalog">
        <div className="hidden space-y-6 lg:block">
          {Array.from({ length: 4 }, (_, i) => (
            <div key={i} className="space-y-2">
              <div className="h-3 w-20 animate-pulse rounded bg-slate-200" />
              {Array.from({ length: 4 }, (_, j) => (
                <div key={j} className="h-4 animate-pulse rounded bg-slate-100" />
              ))}
            </div>
          ))}
        </div>
        <div className="space-y-4">
          <div className="h-10 animate-pulse rounded-md bg-slate-200" />
          {Array.from({ length: 5 }, (_, i) => (
            <div key={i} className="h-28 animate-pulse rounded-lg bg-surface ring-1 ring-slate-200" />
          ))}
        </div>
      </div>
    </div>
  );
}
