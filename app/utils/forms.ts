import { z } from "zod";

export type FieldErrors = Record<string, string>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** The submitted text values, kept so a form re-renders with what the user typed. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string") values[key] = value;
  }
  return values;
}

/** Validates a form post; the first message per field, keyed by the field's name. */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): FormResult<z.infer<S>> {
  return parseValues(schema, formValues(formData));
}

/** parseForm for a post already read into text values (the phone lane in server.ts reads its own). */
export function parseValues<S extends z.ZodType>(schema: S, values: Record<string, string>): FormResult<z.infer<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join(".") || "form";
    errors[field] ??= issue.message;
  }
  return { ok: false, errors, values };
}

/** The hidden field bots fill and people never see (see components/forms.tsx Honeypot). */
export const honeypotField = z.string().max(0, "form.error.bot").optional();

/** The posted form, or an empty one when the body is not a form (JSON, plain text…): that is a 400, not a 500. */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    return new FormData();
  }
}
