import type { Metadata } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import { SiteHeader } from "@/components/layout/site-header";
import { CommandPaletteLoader } from "@/components/catalog/command-palette-loader";
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
  return (
    <html lang="en">
      <body className="min-h-screen">
        <Providers>
          <SiteHeader />
          <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:px-8">{children}</main>
          <CommandPaletteLoader />
        </Providers>
      </body>
    </html>
  );
}
