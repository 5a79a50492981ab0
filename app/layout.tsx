import type { Metadata } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import { databaseDown, getViewer } from "@/lib/auth/session";
import { themeFor } from "@/lib/theme";
import { SiteHeader } from "@/components/layout/site-header";
import { CommandPaletteLoader } from "@/components/catalog/command-palette-loader";
import { DatabaseDown } from "@/components/layout/database-down";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Meshport", template: "%s · Meshport" },
  description: "Self-serve portal for the data mesh on Apache Kafka.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so each gets its own CSP nonce (proxy.ts): a page
  // prerendered at build time would carry scripts without one, which the browser refuses.
  await connection();
  const outage = await databaseDown();
  // The theme is on the first byte of the page: no script, no flash (docs/decisions/0066).
  const theme = outage ? "system" : await themeFor(await getViewer());
  return (
    <html lang="en" data-theme={theme}>
      <body className="min-h-screen">
        <Providers theme={theme}>
          {outage ? (
            <DatabaseDown />
          ) : (
            <>
              <SiteHeader />
              <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:px-8">{children}</main>
              <CommandPaletteLoader />
            </>
          )}
        </Providers>
      </body>
    </html>
  );
}
