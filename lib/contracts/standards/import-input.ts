import { z } from "zod";
import { multiLine, recordId } from "@/lib/validation";
import { productSlug } from "@/lib/catalog/schemas";

// The import page's input (client-safe): the files' texts, the owning team, and an optional slug.

const file = (what: string) => multiLine().max(200_000, `Keep the ${what} under 200,000 characters.`);

export const importInputSchema = z.object({
  ownerTeamId: recordId("Choose the team that will own this product."),
  /** Empty: the ODPS id, else the contract's id, else its name. */
  slug: z.union([z.literal(""), productSlug]).optional().transform((v) => v || undefined),
  odcs: file("contract").min(1, "Paste or upload an ODCS contract (YAML)."),
  odps: z.union([z.literal(""), file("product file")]).optional().transform((v) => v || undefined),
});
export type ImportInput = z.input<typeof importInputSchema>;
export type ImportRequest = z.output<typeof importInputSchema>;
