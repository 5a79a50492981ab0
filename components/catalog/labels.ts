import type { BadgeTone } from "@/components/ui/badge";

export const classificationTone: Record<string, BadgeTone> = {
  PUBLIC: "green",
  INTERNAL: "slate",
  CONFIDENTIAL: "amber",
  RESTRICTED: "rose",
};

export const lifecycleTone: Record<string, BadgeTone> = {
  DRAFT: "amber",
  ACTIVE: "green",
  DEPRECATED: "amber",
  RETIRED: "slate",
};

export const title = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();
