// Inputs of the user and session actions; client-safe.
import { z } from "zod";

export const userRefSchema = z.object({ userId: z.string().trim().min(1, "Pick a user.").max(64) });
export const setUserDisabledSchema = userRefSchema.extend({ disabled: z.boolean() });
