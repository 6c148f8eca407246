import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormMessage, Honeypot, TextField, useMessage } from "~/components/forms";
import { Page } from "~/components/page";
import { LoginSchema } from "~/domain/account.schema";
import { normalizeEmail, verifyLogin } from "~/models/user.server";
import { parseForm, readFormData } from "~/utils/forms";
import { loginFailed, loginSucceeded, loginWait } from "~/services/login-limits.server";
import { detectLang } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { passRetryAfter, retryAfter, waitText } from "~/utils/rate-limit.server";
import { safeRedirect } from "~/utils/redirect";
import { getUser, signIn, trustedDeviceFor } from "~/utils/session.server";
import { useI18n } from "~/utils/use-i18n";
import { useValidatedForm } from "~/utils/use-validated-form";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";

export const headers = passRetryAfter;

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = new URL(request.url).searchParams.get("redirectTo") ?? "";
  if (await getUser(request)) throw redirect(safeRedirect(redirectTo));
  return { redirectTo, title: `${translate(detectLang(request), "auth.login.title")} · Madura`, i18n: messagesFor(request, ["auth"]) };
}

type Errors = Record<string, string>;

export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseForm(LoginSchema, await readFormData(request));
  if (!form.ok) {
    const { password: _password, ...values } = form.values;
    return data({ errors: form.errors, values }, { status: 400 });
  }
  const { email, password, redirectTo } = form.data;
  const account = normalizeEmail(email);
  const attempt = { account, clientIp: context.clientIp, device: await trustedDeviceFor(request, account) };
  // Checked before the password, so a waiting attempt costs no hashing and tells nothing.
  const wait = await loginWait(attempt);
  if (wait.limited) {
    const message = translate(detectLang(request), "auth.error.wait", { time: waitText(detectLang(request), wait.retryAfterSeconds) });
    return data({ errors: { form: message } as Errors, values: { email } }, { status: 429, headers: retryAfter(wait) });
  }
  const user = await verifyLogin(email, password);
  if (!user) {
    await loginFailed(attempt);
    return data({ errors: { form: "auth.error.invalidLogin" } as Errors, values: { email } }, { status: 400 });
  }
  await loginSucceeded(attempt);
  return signIn(request, user.id, safeRedirect(redirectTo, "/orgs"), account);
}

export default function Login() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const message = useMessage();
  const errors: Errors = result?.errors ?? {};
  const form = useValidatedForm(LoginSchema, result?.errors);
  const formError = errors.form ?? form.error("website");
  const signupHref = redirectTo ? `/signup?${new URLSearchParams({ redirectTo })}` : "/signup";

  return (
    <Page title={t("auth.login.title")} width="max-w-lg">
      <Form method="post" className="card relative space-y-5 p-6" {...form.formProps}>
        {formError ? <FormMessage tone="error">{message(formError)}</FormMessage> : null}
        <Honeypot />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField {...form.field("email")} type="email" label={t("auth.field.email")} autoComplete="username" required defaultValue={result?.values.email} />
        <TextField {...form.field("password")} type="password" label={t("auth.field.password")} autoComplete="current-password" required />
        <button type="submit" className="btn btn-primary w-full">
          {t("auth.login.submit")}
        </button>
      </Form>
      <p className="mt-6 text-center">
        {t("auth.login.noAccount")} <Link to={signupHref}>{t("auth.signup.submit")}</Link>
      </p>
    </Page>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
