import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useRef, useState, type ChangeEvent, type FocusEvent, type FormEvent } from "react";
import { get, useForm, type FieldValues, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { formValues, type FieldErrors } from "./forms";

/**
 * Instant feedback for a real `<Form method="post">`, with the zod schema its action parses.
 *
 * Inputs stay uncontrolled and keep their names; react-hook-form registers them and validates on
 * blur (then on change once a field has been left). The resolver reads the form element itself,
 * `formValues(new FormData(form))`, exactly what `parseForm` reads on the server, so hidden
 * fields, dotted names (`billing.current`) and disabled inputs are judged as the server will
 * judge them. On submit the same schema runs synchronously: invalid, the post is stopped and the
 * fields show their messages (focus on the first); valid, Remix's `<Form>` submits as it always
 * did, submitter button included. Without JavaScript none of this runs and the server's 400
 * answers with the same message keys at the same fields. Repeated fields (a group of checkboxes)
 * are named in `repeated`, as the action names them to `parseForm`.
 */
export function useValidatedForm<S extends z.ZodType>(schema: S, serverErrors?: FieldErrors | null, { repeated = [] }: { repeated?: readonly string[] } = {}) {
  const formRef = useRef<HTMLFormElement | null>(null);
  const resolver = useMemo(() => {
    // zodResolver's types tie the form's values to the schema's input; ours are the posted strings.
    const validate = zodResolver(schema as never) as unknown as Resolver<FieldValues>;
    const resolve: Resolver<FieldValues> = (values, context, options) =>
      validate(formRef.current ? formValues(new FormData(formRef.current), repeated) : values, context, options);
    return resolve;
      // eslint-disable-next-line react-hooks/exhaustive-deps -- a page passes a constant list; its identity may change per render
  }, [schema, repeated.join()]);
  const form = useForm<FieldValues>({ resolver, mode: "onTouched", shouldUnregister: false });
  const { errors } = form.formState;

  // A server message stays until its field is edited; a new answer from the server brings its own.
  const [edited, setEdited] = useState<{ from: FieldErrors | null | undefined; names: Set<string> }>({ from: serverErrors, names: new Set() });
  const dismissed = edited.from === serverErrors ? edited.names : new Set<string>();
  if (edited.from !== serverErrors) setEdited({ from: serverErrors, names: dismissed });

  const error = (name: string): string | undefined => {
    const client = get(errors, name) as { message?: unknown } | undefined;
    if (typeof client?.message === "string") return client.message;
    return dismissed.has(name) ? undefined : serverErrors?.[name];
  };

  const field = (name: string) => {
    const registered = form.register(name);
    return {
      ...registered,
      onChange: (event: ChangeEvent) => {
        if (serverErrors?.[name] && !dismissed.has(name)) setEdited({ from: serverErrors, names: new Set(dismissed).add(name) });
        return registered.onChange(event);
      },
      onBlur: (event: FocusEvent) => {
        // Leaving a field for a submit button: the submit validates everything anyway, and a message
        // appearing now would push the button away between mousedown and mouseup, losing the click.
        const next = event.relatedTarget;
        if (next instanceof HTMLButtonElement && next.type === "submit" && next.form === formRef.current) return;
        return registered.onBlur(event);
      },
      error: error(name),
    };
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    const result = schema.safeParse(formValues(new FormData(element), repeated));
    if (result.success) return;
    event.preventDefault();
    void form.trigger();
    // Focus the first field to correct, in the order the page shows them.
    const invalid = new Set(result.error.issues.map((issue) => issue.path.join(".")));
    const first = [...element.elements].find((el): el is HTMLElement => el instanceof HTMLElement && invalid.has(el.getAttribute("name") ?? "") && el.getAttribute("type") !== "hidden");
    first?.focus();
  };

  return { formProps: { ref: formRef, onSubmit, noValidate: true }, field, error, hasClientErrors: Object.keys(errors).length > 0 };
}
