"use client";

import { Button } from "@/components/ui/button";
import { DatabaseDownNotice } from "@/components/layout/database-down";
import { isDatabaseDownDigest } from "@/lib/db/outage";

// Any page that fails unexpectedly lands here instead of a blank screen.
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // The database stopped answering while the page was being made (lib/db tags those errors).
  if (isDatabaseDownDigest(error)) return <DatabaseDownNotice />;
  return (
    <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 px-6 py-10 text-center">
      <p className="text-sm font-semibold text-rose-900">This page could not be shown</p>
      <p className="mt-1 text-sm text-rose-800">
        Something failed on our side. Try again; if it keeps failing, tell the platform team
        {error.digest ? ` and quote reference ${error.digest}` : ""}.
      </p>
      <Button className="mt-4" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
