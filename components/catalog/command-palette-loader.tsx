"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";

// cmdk and the palette are code no page needs to show itself: they load on the first Cmd/Ctrl-K (docs/decisions/0067).
const CommandPalette = dynamic(() => import("./command-palette").then((m) => m.CommandPalette), { ssr: false });

/** Cmd/Ctrl-K opens the command palette; until the first press only this listener is on the page. */
export function CommandPaletteLoader() {
  const [wanted, setWanted] = useState(false);

  useEffect(() => {
    if (wanted) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() === "k" && (e.metaKey || e.ctrlKey)) {
        e.preventDefault();
        setWanted(true);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [wanted]);

  // From then on the palette's own listener toggles it.
  return wanted ? <CommandPalette defaultOpen /> : null;
}
