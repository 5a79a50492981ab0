"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Toaster } from "sonner";
import type { Theme } from "@/lib/theme/preference";
import { config as zodConfig } from "zod/v4/core";

// zod compiles fast validators with `new Function` after probing for it; the CSP forbids eval
// (docs/decisions/0031), so the probe itself is a violation. Interpret instead: forms are small.
// zod's core only (its global setting, shared with the full zod forms import): pages without forms do not
// download all of zod for this line (docs/decisions/0067).
zodConfig({ jitless: true });

export function Providers({ children, theme }: { children: ReactNode; theme: Theme }) {
  // One client per browser session; created in state so server renders never share it.
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, retry: 1 } } }));
  return (
    <QueryClientProvider client={client}>
      {children}
      {/* Toasts outlive router.refresh(), so a confirmation survives the list it came from. */}
      <Toaster position="top-right" richColors closeButton theme={theme} />
    </QueryClientProvider>
  );
}
