import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** axe's serious and critical violations on the page, one line each; `exclude`: a selector left out (e.g. fading toasts). */
export async function seriousViolations(page: Page, options: { exclude?: string } = {}): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const { violations } = await (options.exclude ? builder.exclude(options.exclude) : builder).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Toasts fade in and out; their contrast mid-animation is not what users read. */
export const TOASTS = "[data-sonner-toaster]";
