import "server-only";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { isDatabaseUnavailable } from "@/lib/db";
import { DatabaseDownNotice } from "./database-down";

// The root layout shows the outage when the database is down as a request starts; these cover the
// request during which it goes down. A page that throws is rendered by Next.js as an empty HTTP 500
// (error boundaries only run in the browser), so the page says it itself, server-rendered with 200.

/** `run(props)`, or `fallback` when it finds the database not answering; anything else (redirects and notFound() included) is rethrown. */
function whenDatabaseDown<P, R>(run: (props: P) => Promise<R>, fallback: () => R): (props: P) => Promise<R> {
  return async (props: P) => {
    try {
      return await run(props);
    } catch (e) {
      if (isDatabaseUnavailable(e)) return fallback();
      throw e;
    }
  };
}

/** Wraps a page: if its queries find the database not answering, it renders the outage notice. */
export function outageAware<P>(page: (props: P) => Promise<ReactNode | void>): (props: P) => Promise<ReactNode> {
  return whenDatabaseDown(async (props: P) => (await page(props)) ?? null, () => <DatabaseDownNotice />);
}

/** The same for a page's generateMetadata: a plain title while the database does not answer. */
export function outageAwareMetadata<P>(generate: (props: P) => Promise<Metadata>): (props: P) => Promise<Metadata> {
  return whenDatabaseDown(generate, () => ({ title: "Database not answering" }));
}
