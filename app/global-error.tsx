"use client";

import { DatabaseDown } from "@/components/layout/database-down";
import { FailureNotice } from "@/components/layout/failure-notice";
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
            <FailureNotice title="Meshport could not show this page" error={error} reset={reset} />
          </main>
        )}
      </body>
    </html>
  );
}
