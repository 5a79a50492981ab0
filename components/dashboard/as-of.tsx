"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { formatAge } from "./format";

/** "as of 14 s ago", ticking; re-renders the page's server data every `refreshSeconds`. */
export function AsOf({ asOf, refreshSeconds = 30 }: { asOf: string; refreshSeconds?: number }) {
  const router = useRouter();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    const refresh = setInterval(() => router.refresh(), refreshSeconds * 1000);
    return () => {
      clearInterval(tick);
      clearInterval(refresh);
    };
  }, [router, refreshSeconds]);
  const age = Math.max(0, (now - Date.parse(asOf)) / 1000);
  return (
    <time dateTime={asOf} title={new Date(asOf).toISOString().replace("T", " ").slice(0, 19) + " UTC"} suppressHydrationWarning>
      as of {formatAge(age)} ago
    </time>
  );
}
