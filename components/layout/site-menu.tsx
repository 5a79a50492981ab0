"use client";

import type { ReactNode } from "react";
import { cn } from "@/lib/utils";
import { useDisclosure } from "./use-disclosure";

/**
 * The header's navigation and account controls: in the bar on wide screens; on narrow ones (a phone)
 * behind a Menu button that opens them as a panel under the header, closed again by Escape or by
 * going to another page.
 */
export function SiteMenu({ children }: { children: ReactNode }) {
  const { open, buttonProps, panelProps } = useDisclosure();
  return (
    <>
      <button
        {...buttonProps}
        className="order-last -mr-1 inline-flex h-10 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600 xl:hidden"
      >
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-5 w-5">
          {open ? (
            <path d="M5.28 4.22a.75.75 0 0 0-1.06 1.06L8.94 10l-4.72 4.72a.75.75 0 1 0 1.06 1.06L10 11.06l4.72 4.72a.75.75 0 1 0 1.06-1.06L11.06 10l4.72-4.72a.75.75 0 0 0-1.06-1.06L10 8.94 5.28 4.22Z" />
          ) : (
            <path fillRule="evenodd" d="M2 4.75A.75.75 0 0 1 2.75 4h14.5a.75.75 0 0 1 0 1.5H2.75A.75.75 0 0 1 2 4.75ZM2 10a.75.75 0 0 1 .75-.75h14.5a.75.75 0 0 1 0 1.5H2.75A.75.75 0 0 1 2 10Zm0 5.25a.75.75 0 0 1 .75-.75h14.5a.75.75 0 0 1 0 1.5H2.75a.75.75 0 0 1-.75-.75Z" />
          )}
        </svg>
        Menu
      </button>
      <div
        {...panelProps}
        className={cn(
          open ? "absolute inset-x-0 top-14 z-40 flex max-h-[calc(100dvh-3.5rem)] flex-col gap-4 overflow-y-auto border-b border-slate-200 bg-surface p-4 shadow-lg" : "hidden",
          "xl:static xl:z-auto xl:flex xl:max-h-none xl:flex-1 xl:flex-row xl:items-center xl:gap-4 xl:overflow-visible xl:border-0 xl:p-0 xl:shadow-none",
        )}
      >
        {children}
      </div>
    </>
  );
}
