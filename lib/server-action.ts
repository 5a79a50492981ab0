import "server-only";
import type { z } from "zod";
import type { Viewer } from "@/lib/auth";
import { viewerOrThrow } from "@/lib/auth/session";
import { runAction } from "./action-pipeline";
import type { ActionResult } from "./action-result";

export type { ActionResult } from "./action-result";

/**
 * The one pipeline every server action goes through: validate the input with zod, load the
 * signed-in viewer, run the domain function (which authorizes), and turn expected failures into a
 * typed result for the UI (lib/action-pipeline.ts).
 */
export function action<S extends z.ZodType, T>(schema: S, run: (viewer: Viewer, input: z.output<S>) => Promise<T>) {
  return async (raw: z.input<S>): Promise<ActionResult<T>> => runAction(schema, raw, viewerOrThrow, run);
}
