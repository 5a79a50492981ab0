"use client";

import { Button } from "@/components/ui/button";
import { DatabaseDown } from "@/components/layout/database-down";
import { isDatabaseDownDigest } from "@/lib/db/outage";
import "./globals.css";

// Reached when the root layout itself fails (its header reads the database), so it brings its own
// <html>: without it Next.js answers an empty 500.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        {isDatabaseDownDigest(error) ? (
          <DatabaseDown />
        ) : (
          <main className="mx-auto max-w-3xl px-4 py-16 sm:px-6">
            <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 px-6 py-10 text-center">
              <h1 className="text-sm font-semibold text-rose-900">Meshport could not show this page</h1>
              <p className="mt-1 text-sm text-rose-800">
                Something failed on our side. Try again; if it keeps failing, tell the platform team
                {error.digest ? ` and quote reference ${error.digest}` : ""}.
              </p>
              <Button className="mt-4" variant="secondary" onClick={reset}>
                Try again
              </Button>
            </div>
          </main>
        )}
      </body>
    </html>
  );
}
