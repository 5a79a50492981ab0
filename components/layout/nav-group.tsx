"use client";

import type { ReactNode } from "react";
import { cn } from "@/lib/utils";
import { useDisclosure } from "./use-disclosure";

/**
 * A group of header items behind one button on wide screens (a platform admin's seven pages and the account
 * controls made the bar overflow at 1280 px), listed under `heading` in the phone menu. The button is a
 * disclosure: its panel closes on Escape (focus back on the button), on a click elsewhere, and on going to
 * another page. `under`: the path prefix that marks the button as the current section.
 */
export function NavGroup({
  label,
  heading,
  under,
  align = "start",
  children,
}: {
  label: ReactNode;
  heading: string;
  under?: string;
  align?: "start" | "end";
  children: ReactNode;
}) {
  const { open, root, pathname, buttonProps, panelProps } = useDisclosure({ closeOutside: true });
  // Marked like a link to the page shown when one of its pages is.
  const active = under !== undefined && pathname.startsWith(under);
  return (
    <div ref={root} className="text-sm xl:relative">
      <p className="px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase xl:hidden">{heading}</p>
      <button
        {...buttonProps}
        className={cn(
          "hidden items-center gap-1 rounded-md px-2 py-1.5 font-medium whitespace-nowrap focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600 xl:inline-flex",
          active ? "bg-slate-100 text-slate-900" : "text-slate-600 hover:bg-slate-50 hover:text-slate-900",
        )}
      >
        {label}
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className={cn("h-4 w-4 transition-transform", open && "rotate-180")}>
          <path fillRule="evenodd" d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z" />
        </svg>
      </button>
      <div
        {...panelProps}
        className={cn(
          "flex flex-col gap-1",
          "xl:absolute xl:top-full xl:z-40 xl:mt-2 xl:min-w-48 xl:rounded-md xl:bg-surface xl:p-1 xl:shadow-lg xl:ring-1 xl:ring-slate-200",
          align === "end" ? "xl:right-0" : "xl:left-0",
          !open && "xl:hidden",
        )}
      >
        {children}
      </div>
    </div>
  );
}
