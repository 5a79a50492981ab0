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
      <span aria-hidden="true">{state === "copied" ? "✓" : "⧉"}</span>
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : children}</span>
    </button>
  );
}
