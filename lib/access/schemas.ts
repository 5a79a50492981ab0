import { z } from "zod";

export const requestAccessSchema = z.object({
  dataProductId: z.string().min(1),
  consumerTeamId: z.string().min(1, "Choose the team that will consume."),
  purpose: z
    .string()
    .trim()
    .min(10, "Say what the data is for, in a sentence (at least 10 characters).")
    .max(2000, "Keep the purpose under 2000 characters."),
  accessUntil: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose an end date.")
    .refine((s) => !Number.isNaN(Date.parse(s)), "Choose a valid date."),
  note: z.string().trim().max(2000).optional().default(""),
});
export type RequestAccessInput = z.input<typeof requestAccessSchema>;

export const decideAccessRequestSchema = z.discriminatedUnion("decision", [
  z.object({ requestId: z.string().min(1), decision: z.literal("APPROVE"), reason: z.string().trim().max(2000).optional() }),
  z.object({
    requestId: z.string().min(1),
    decision: z.literal("REJECT"),
    reason: z.string().trim().min(5, "Tell the requester why (at least 5 characters).").max(2000),
  }),
]);
export type DecideAccessRequestInput = z.input<typeof decideAccessRequestSchema>;

export const cancelAccessRequestSchema = z.object({ requestId: z.string().min(1) });

export const revokeAccessSchema = z.object({
  requestId: z.string().min(1),
  reason: z.string().trim().min(5, "Tell the consumer why (at least 5 characters).").max(2000),
});
export type RevokeAccessInput = z.input<typeof revokeAccessSchema>;

export const commentSchema = z.object({
  requestId: z.string().min(1),
  body: z.string().trim().min(1, "Write a comment first.").max(2000, "Keep comments under 2000 characters."),
});
export type CommentInput = z.input<typeof commentSchema>;

export const renewAccessSchema = z.object({ requestId: z.string().min(1) });

export const markNotificationsReadSchema = z.object({ id: z.string().min(1).optional() });
