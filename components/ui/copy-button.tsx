"use client";

import { useEffect, useState } from "react";
import { cn } from "@/lib/utils";

/** Copies `text` to the clipboard and says so for two seconds (also to screen readers). */
export function CopyButton({
  text,
  label = "Copy",
  children = "Copy",
  className,
}: {
  /** The text, or a function that reads it at click time (say, the current URL). */
  text: string | (() => string);
  label?: string;
  children?: string;
  className?: string;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const t = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <button
      type="button"
      aria-label={label}
      onClick={() => {
        navigator.clipboard.writeText(typeof text === "function" ? text() : text).then(
          () => setState("copied"),
          () => setState("failed"),
        );
      }}
      className={cn(
        "inline-flex items-center gap-1.5 rounded-md px-2.5 py-1 text-xs font-medium ring-1 ring-inset ring-slate-300 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600",
        className,
      )}
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.5">
        {state === "copied" ? <path d="M3 8.5l3 3 7-7" /> : <path d="M5.5 5.5V3.5a1 1 0 011-1h6a1 1 0 011 1v6a1 1 0 01-1 1h-2M3.5 5.5h6a1 1 0 011 1v6a1 1 0 01-1 1h-6a1 1 0 01-1-1v-6a1 1 0 011-1z" />}
      </svg>
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : children}</span>
    </button>
  );
}
