"use client";

import { Button } from "@/components/ui/button";
import { isDatabaseDownDigest } from "@/lib/db/outage";
import { DatabaseDownNotice } from "./database-down";

/**
 * What an error boundary shows: the database outage when that is the cause (lib/db tags those errors),
 * otherwise `title` and the reference the server log holds the cause under, with a retry.
 */
export function FailureNotice({ title, error, reset }: { title: string; error: Error & { digest?: string }; reset: () => void }) {
  if (isDatabaseDownDigest(error)) return <DatabaseDownNotice />;
  return (
    <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 px-6 py-10 text-center">
      <p className="text-sm font-semibold text-rose-900">{title}</p>
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
