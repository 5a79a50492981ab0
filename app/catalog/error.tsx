"use client";

import { Button } from "@/components/ui/button";

export default function CatalogError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 px-6 py-10 text-center">
      <p className="text-sm font-semibold text-rose-900">The catalog could not be loaded</p>
      <p className="mt-1 text-sm text-rose-800">The database did not answer. Try again in a moment; if it keeps failing, tell the platform team.</p>
      <Button className="mt-4" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
