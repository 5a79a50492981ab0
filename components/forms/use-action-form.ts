"use client";

import { useMutation } from "@tanstack/react-query";
import { zodResolver } from "@hookform/resolvers/zod";
import { get, useForm, type DefaultValues, type FieldValues, type Path, type UseFormRegister } from "react-hook-form";
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
  const form = useForm<TInput>({ resolver: zodResolver(schema, undefined, { raw: true }), defaultValues });
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
