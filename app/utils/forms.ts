import { z } from "zod";

export type FieldErrors = Record<string, string>;

/** Posted text values; a repeated field (a group of checkboxes) holds all of its values, in order. */
export type FormValues = Record<string, string | string[]>;

export type FormResult<T, V extends FormValues = Record<string, string>> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: V };

/**
 * The submitted text values, kept so a form re-renders with what the user typed. A field posted
 * more than once keeps its last value, unless it is named in `repeated`: those keep every value
 * as a list (absent when none was posted), which their schema reads with `repeatedField`.
 */
export function formValues(formData: FormData): Record<string, string>;
export function formValues(formData: FormData, repeated: readonly string[]): FormValues;
export function formValues(formData: FormData, repeated: readonly string[] = []): FormValues {
  const values: FormValues = {};
  for (const [key, value] of formData) {
    if (typeof value !== "string") continue;
    if (!repeated.includes(key)) values[key] = value;
    else values[key] = [...((values[key] as string[] | undefined) ?? []), value];
  }
  return values;
}

/** Validates a form post; the first message per field, keyed by the field's name. */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): FormResult<z.infer<S>>;
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData, repeated: readonly string[]): FormResult<z.infer<S>, FormValues>;
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData, repeated: readonly string[] = []): FormResult<z.infer<S>, FormValues> {
  return parseValues(schema, formValues(formData, repeated), repeated);
}

/**
 * A repeated field's schema: one posted value or several (a script may post a single
 * `capabilities=billing`), none at all as an empty list; each value checked by `item`, duplicates dropped.
 */
export function repeatedField<O>(item: z.ZodType<O, string>) {
  return z
    .union([z.string(), z.array(z.string())], { error: "form.error.invalidChoice" })
    .optional()
    .transform((value) => (value === undefined ? [] : typeof value === "string" ? [value] : value))
    .pipe(z.array(item))
    .transform((items) => [...new Set(items)]);
}

/**
 * parseForm for a post already read into text values (the phone lane in server.ts reads its own).
 * A message about one value of a repeated field (`capabilities.1`) is the field's (`capabilities`).
 */
export function parseValues<S extends z.ZodType, V extends FormValues>(schema: S, values: V, repeated: readonly string[] = []): FormResult<z.infer<S>, V> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const [head] = issue.path;
    const field = typeof head === "string" && repeated.includes(head) ? head : issue.path.join(".") || "form";
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

/**
 * The bytes of an uploaded file field (multipart), or of a text field with the same name (a
 * script may post the CSV as text); null when the field is absent or empty.
 */
export async function uploadedBytes(formData: FormData, name: string): Promise<Uint8Array | null> {
  const value = formData.get(name);
  if (value === null) return null;
  const bytes = typeof value === "string" ? new TextEncoder().encode(value) : new Uint8Array(await value.arrayBuffer());
  return bytes.byteLength > 0 ? bytes : null;
}
