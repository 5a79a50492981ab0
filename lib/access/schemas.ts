import { z } from "zod";
import { calendarDate, multiLine, recordId } from "@/lib/validation";

const requestId = recordId("This access request does not exist.");

export const requestAccessSchema = z.object({
  dataProductId: recordId("This data product does not exist."),
  consumerTeamId: recordId("Choose the team that will consume."),
  purpose: multiLine()
    .min(10, "Say what the data is for, in a sentence (at least 10 characters).")
    .max(2000, "Keep the purpose under 2000 characters."),
  accessUntil: calendarDate("Choose an end date that exists (YYYY-MM-DD)."),
  note: multiLine().max(2000, "Keep the note under 2000 characters.").optional().default(""),
});
export type RequestAccessInput = z.input<typeof requestAccessSchema>;

export const decideAccessRequestSchema = z.discriminatedUnion(
  "decision",
  [
    z.object({ requestId, decision: z.literal("APPROVE"), reason: multiLine().max(2000, "Keep the reason under 2000 characters.").optional() }),
    z.object({
      requestId,
      decision: z.literal("REJECT"),
      reason: multiLine().min(5, "Tell the requester why (at least 5 characters).").max(2000, "Keep the reason under 2000 characters."),
    }),
  ],
  { error: "Choose to approve or reject." },
);
export type DecideAccessRequestInput = z.input<typeof decideAccessRequestSchema>;

export const cancelAccessRequestSchema = z.object({ requestId });

export const revokeAccessSchema = z.object({
  requestId,
  reason: multiLine().min(5, "Tell the consumer why (at least 5 characters).").max(2000, "Keep the reason under 2000 characters."),
});
export type RevokeAccessInput = z.input<typeof revokeAccessSchema>;

export const commentSchema = z.object({
  requestId,
  body: multiLine().min(1, "Write a comment first.").max(2000, "Keep comments under 2000 characters."),
});
export type CommentInput = z.input<typeof commentSchema>;

export const renewAccessSchema = z.object({ requestId });

export const markNotificationsReadSchema = z.object({ id: recordId("This notice does not exist.").optional() });

/** The id in /access/<id>: anything else answers 404 before a query is made. */
export const accessRequestIdParam = requestId;
