"use client";

import { FailureNotice } from "@/components/layout/failure-notice";

// Reached by failures the page did not expect (a database that does not answer is shown by outageAware):
// the cause is in the server log under the reference, so this does not guess one.
export default function CatalogError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <FailureNotice title="The catalog could not be loaded" error={error} reset={reset} />;
}
