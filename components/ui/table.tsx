import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/**
 * A data table with the portal's header style. Cells get their padding from the
 * variant: "inline" inside a card body, "boxed" flush with a card's edges.
 * Rows are the caller's own <tr>/<td>, so each table keeps its own cell content.
 */
export function Table({
  columns,
  children,
  label,
  variant = "inline",
  className,
}: {
  columns: ReactNode[];
  children: ReactNode;
  label?: string;
  variant?: "inline" | "boxed";
  className?: string;
}) {
  return (
    <table
      aria-label={label}
      className={cn(
        "min-w-full text-left text-sm [&_td]:py-2 [&_th]:py-2",
        variant === "boxed" ? "[&_td]:px-4 [&_th]:px-4" : "[&_td:not(:last-child)]:pr-4 [&_th:not(:last-child)]:pr-4",
        className,
      )}
    >
      <thead className={cn("text-xs uppercase tracking-wide text-slate-500", variant === "boxed" && "bg-slate-50")}>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col" className="font-medium">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={cn("divide-y divide-slate-100", variant === "boxed" && "align-top")}>{children}</tbody>
    </table>
  );
}
