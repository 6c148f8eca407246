import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormMessage, Honeypot, TextField, useMessage } from "~/components/forms";
import { normalizeJoinCode } from "~/domain/workshop";
import { formValues, readFormData } from "~/utils/forms";
import { detectLang } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { submitJoin } from "~/services/join.server";
import { passRetryAfter, retryAfter } from "~/utils/rate-limit.server";
import { noJavaScript } from "~/utils/route-handle";
import { useI18n } from "~/utils/use-i18n";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";

export const handle = noJavaScript;

export const headers = passRetryAfter;

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }];

export function loader({ request }: LoaderFunctionArgs) {
  return {
    i18n: messagesFor(request, ["workshop"]),
    title: `${translate(detectLang(request), "join.title")} · Madura`,
    code: normalizeJoinCode(new URL(request.url).searchParams.get("code") ?? ""),
  };
}

/** A join that succeeds is usually answered by server.ts's phone lane before it gets here. */
export async function action({ request, context }: ActionFunctionArgs) {
  const result = await submitJoin(formValues(await readFormData(request)), context.clientIp);
  if (result.kind === "limited") {
    const form = translate(detectLang(request), "join.error.tooMany", { count: Math.ceil(result.retryAfterSeconds / 60) });
    return data({ errors: { form } as Record<string, string>, values: result.values }, { status: 429, headers: retryAfter({ limited: true, retryAfterSeconds: result.retryAfterSeconds }) });
  }
  if (result.kind === "invalid") return data({ errors: result.errors as Record<string, string>, values: result.values }, { status: 400 });
  return redirect(result.location, 303);
}

export default function Join() {
  const { code } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const message = useMessage();
  const errors: Record<string, string> = result?.errors ?? {};
  return (
    <div className="mx-auto max-w-md px-4 py-8 sm:py-12">
      <h1 className="text-3xl font-bold">{t("join.title")}</h1>
      <p className="mt-2 text-lg text-ink-soft">{t("join.lead")}</p>
      <Form method="post" className="card relative mt-6 space-y-5 p-5" noValidate>
        {errors.form || errors.website ? <FormMessage tone="error">{message(errors.form ?? errors.website)}</FormMessage> : null}
        <Honeypot />
        <TextField
          name="code"
          label={t("join.field.code")}
          hint={t("join.field.codeHint")}
          defaultValue={result?.values.code ?? code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          maxLength={20}
          className="[&_input]:font-mono [&_input]:text-2xl [&_input]:uppercase [&_input]:tracking-[0.3em]"
          error={errors.code}
        />
        <TextField
          name="name"
          label={t("join.field.name")}
          hint={t("join.field.nameHint")}
          defaultValue={result?.values.name}
          autoComplete="nickname"
          required
          maxLength={60}
          error={errors.name}
        />
        <button type="submit" className="btn btn-primary w-full text-lg">
          {t("join.submit")}
        </button>
      </Form>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
