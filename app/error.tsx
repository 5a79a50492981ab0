"use client";

import { FailureNotice } from "@/components/layout/failure-notice";

// Any page that fails unexpectedly lands here instead of a blank screen.
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <FailureNotice title="This page could not be shown" error={error} reset={reset} />;
}
