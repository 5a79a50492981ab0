"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type MouseEvent } from "react";

/**
 * The header's disclosures (the phone Menu, the Admin and account groups): open state, closed again on
 * another page, by Escape (focus back on the button, `${id}-button`), and, when `closeOutside` is set, by a
 * pointer pressed outside `root`.
 */
export function useDisclosure({ closeOutside = false } = {}) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    // A link inside was followed: closed on the new page.
    setShownFor(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      document.getElementById(`${id}-button`)?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (e.target instanceof Node && !root.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    if (closeOutside) document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open, id, closeOutside]);
  const buttonProps = {
    id: `${id}-button`,
    type: "button",
    "aria-expanded": open,
    "aria-controls": `${id}-panel`,
    onClick: () => setOpen((o) => !o),
  } as const;
  const panelProps = {
    id: `${id}-panel`,
    // Following a link closes the panel, also when the link is the page already shown.
    onClick: (e: MouseEvent<HTMLElement>) => {
      if (e.target instanceof Element && e.target.closest("a")) setOpen(false);
    },
  };
  return { open, root, pathname, buttonProps, panelProps };
}
