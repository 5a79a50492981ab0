// The pages' guard for a database that stops answering mid-request (components/layout/outage-aware.tsx):
// a query refused by a PostgreSQL that is not there renders the outage notice; anything else is rethrown.
import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import type { ReactElement } from "react";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/db/generated/client";
import { rethrowTagged } from "@/lib/db/unavailable";
import { outageAware, outageAwareMetadata } from "@/components/layout/outage-aware";

// A port nothing listens on: the driver's real "connection refused", through Prisma's adapter.
const nowhere = new PrismaClient({ adapter: new PrismaPg(new pg.Pool({ connectionString: "postgresql://x:y@127.0.0.1:1/none", connectionTimeoutMillis: 2000 })) });
const queryNowhere = () => nowhere.user.count().catch(rethrowTagged);

describe("outageAware", () => {
  it("renders the outage notice when the page's query finds no database", async () => {
    const page = outageAware(async () => {
      await queryNowhere();
      return "the page";
    });
    const html = renderToStaticMarkup((await page({})) as ReactElement);
    expect(html).toContain("database is not answering");
    const metadata = await outageAwareMetadata(async () => ({ title: String(await queryNowhere()) }))({});
    expect(metadata.title).toBe("Database not answering");
  });

  it("renders the page as it is otherwise, and rethrows other failures (redirects and not-found included)", async () => {
    expect(await outageAware(async () => "the page")({})).toBe("the page");
    const other = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/signin;307;" });
    await expect(outageAware(async () => Promise.reject(other))({})).rejects.toBe(other);
    const unique = Object.assign(new Error("Unique constraint"), { code: "P2002" });
    await expect(outageAwareMetadata(async () => Promise.reject(unique))({})).rejects.toBe(unique);
  });
});
