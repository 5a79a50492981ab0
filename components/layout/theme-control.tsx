"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/action-result";
import { THEME_LABEL, THEMES, type Theme } from "@/lib/theme/preference";
import { cn } from "@/lib/utils";

const ICON: Record<Theme, string> = {
  system: "M3 4.5A1.5 1.5 0 0 1 4.5 3h11A1.5 1.5 0 0 1 17 4.5v8a1.5 1.5 0 0 1-1.5 1.5H11v1.5h2a.75.75 0 0 1 0 1.5H7a.75.75 0 0 1 0-1.5h2V14H4.5A1.5 1.5 0 0 1 3 12.5v-8Zm1.5 0v8h11v-8h-11Z",
  light: "M10 2a.75.75 0 0 1 .75.75v1.5a.75.75 0 0 1-1.5 0v-1.5A.75.75 0 0 1 10 2Zm0 4a4 4 0 1 1 0 8 4 4 0 0 1 0-8Zm0 10a.75.75 0 0 1 .75.75v.5a.75.75 0 0 1-1.5 0v-.5A.75.75 0 0 1 10 16ZM2 10a.75.75 0 0 1 .75-.75h1.5a.75.75 0 0 1 0 1.5h-1.5A.75.75 0 0 1 2 10Zm13 0a.75.75 0 0 1 .75-.75h1.5a.75.75 0 0 1 0 1.5h-1.5A.75.75 0 0 1 15 10ZM4.34 4.34a.75.75 0 0 1 1.06 0l1.06 1.06a.75.75 0 0 1-1.06 1.06L4.34 5.4a.75.75 0 0 1 0-1.06Zm9.2 9.2a.75.75 0 0 1 1.06 0l1.06 1.06a.75.75 0 1 1-1.06 1.06l-1.06-1.06a.75.75 0 0 1 0-1.06Zm2.12-9.2a.75.75 0 0 1 0 1.06l-1.06 1.06a.75.75 0 0 1-1.06-1.06l1.06-1.06a.75.75 0 0 1 1.06 0Zm-9.2 9.2a.75.75 0 0 1 0 1.06L5.4 15.66a.75.75 0 0 1-1.06-1.06l1.06-1.06a.75.75 0 0 1 1.06 0Z",
  dark: "M7.46 2.3a.75.75 0 0 1 .2.8 6 6 0 0 0 7.24 7.85.75.75 0 0 1 .93.97A7.5 7.5 0 1 1 6.66 2.1a.75.75 0 0 1 .8.2Z",
};

const noSubscription = () => () => {};

/**
 * Three buttons, one pressed: the viewer's colour theme. The page switches at once (the <html>
 * attribute the stylesheet keys on); the server keeps the choice and re-renders in it.
 */
export function ThemeControl({ initial, run }: { initial: Theme; run: (input: { theme: Theme }) => Promise<ActionResult<{ theme: Theme }>> }) {
  const router = useRouter();
  const [theme, setTheme] = useState(initial);
  // Rendered by the server, the buttons do nothing until React has hydrated them: disabled till then.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const m = useMutation({
    mutationFn: (next: Theme) => run({ theme: next }),
    onMutate: (next) => {
      const previous = theme;
      setTheme(next);
      document.documentElement.dataset.theme = next;
      return previous;
    },
    onSuccess: (r, _next, previous) => {
      if (r.ok) return router.refresh();
      toast.error(r.message);
      if (previous) {
        setTheme(previous);
        document.documentElement.dataset.theme = previous;
      }
    },
  });
  return (
    <div role="group" aria-label="Colour theme" className="inline-flex rounded-md bg-slate-100 p-0.5" data-testid="theme-control">
      {THEMES.map((t) => (
        <button
          key={t}
          type="button"
          aria-pressed={t === theme}
          aria-label={`${THEME_LABEL[t]} theme`}
          title={`${THEME_LABEL[t]} theme`}
          disabled={!hydrated || m.isPending}
          onClick={() => t !== theme && m.mutate(t)}
          className={cn(
            "grid h-8 w-8 place-items-center rounded focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600",
            t === theme ? "bg-surface text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
          )}
        >
          <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
            <path fillRule="evenodd" d={ICON[t]} />
          </svg>
        </button>
      ))}
    </div>
  );
}
