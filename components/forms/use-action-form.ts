"use client";

import { useMutation } from "@tanstack/react-query";
import { zodResolver } from "@hookform/resolvers/zod";
import { get, useForm, type DefaultValues, type FieldError, type FieldErrors, type FieldValues, type Path, type Resolver, type UseFormRegister } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/action-result";

const OFFLINE = "Could not reach Meshport. Check your connection and try again.";

/**
 * The one way forms talk to server actions: react-hook-form validates with the
 * same zod schema as the server (raw values, so the server parses what the user
 * typed, once); the action runs through React Query; the server's field errors
 * land at their fields and its message in `failure`.
 */
export function useActionForm<TInput extends FieldValues, TData>({
  schema,
  defaultValues,
  action,
  onSuccess,
}: {
  schema: z.ZodType<unknown, TInput>;
  defaultValues: DefaultValues<TInput>;
  action: (input: TInput) => Promise<ActionResult<TData>>;
  onSuccess: (data: TData) => void;
}) {
  const zod = zodResolver(schema, undefined, { raw: true });
  // Each form field shows its own errors: one inside a list (a bad tag among the tags) is the
  // field's, otherwise it would block submit with no message anywhere.
  const resolver: Resolver<TInput> = async (values, context, options) => {
    const result = await zod(values, context, options);
    return { ...result, errors: atFields(result.errors) } as Awaited<ReturnType<Resolver<TInput>>>;
  };
  const form = useForm<TInput>({ resolver, defaultValues });
  // react-hook-form puts default values into its inputs when they mount in the browser, so the
  // server-rendered HTML had empty fields until hydration (and typing into them then was lost).
  // Rendering the defaults as the inputs' own initial values keeps page and form in step.
  const register: UseFormRegister<TInput> = (name, options) => {
    const initial: unknown = get(defaultValues, name);
    const rendered = typeof initial === "boolean" ? { defaultChecked: initial } : initial == null ? {} : { defaultValue: initial };
    return { ...form.register(name, options), ...rendered };
  };
  const mutation = useMutation({
    mutationFn: action,
    onSuccess: (result) => {
      if (result.ok) return onSuccess(result.data);
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
        form.setError(field as Path<TInput>, { message });
      }
    },
  });
  const failure = mutation.data && !mutation.data.ok ? mutation.data.message : mutation.error ? OFFLINE : null;
  return {
    form: { ...form, register },
    errors: form.formState.errors,
    onSubmit: form.handleSubmit((values) => mutation.mutate(values)),
    pending: mutation.isPending,
    failure,
  };
}

/**
 * The first message anywhere under each top-level field, as that field's error. A list of fieldsets
 * (the output ports of useFieldArray) keeps one entry per fieldset, each with its own fields' errors.
 */
function atFields<T extends FieldValues>(errors: FieldErrors<T>): FieldErrors<T> {
  const out: Record<string, unknown> = {};
  for (const [field, error] of Object.entries(errors)) {
    if (Array.isArray(error) && error.some((e) => e && typeof e === "object" && typeof (e as FieldError).message !== "string")) {
      out[field] = error.map((e: unknown) => (e && typeof e === "object" ? atFields(e as FieldErrors<T>) : e));
      continue;
    }
    const found = firstError(error);
    if (found) out[field] = found;
  }
  return out as FieldErrors<T>;
}

function firstError(node: unknown): FieldError | undefined {
  if (!node || typeof node !== "object") return undefined;
  const e = node as Partial<FieldError>;
  if (typeof e.message === "string") return e as FieldError;
  for (const [key, child] of Object.entries(node)) {
    if (key === "ref") continue; // a DOM element, not an error
    const found = firstError(child);
    if (found) return found;
  }
  return undefined;
}
