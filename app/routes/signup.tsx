import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormMessage, Honeypot, TextField, useMessage } from "~/components/forms";
import { Page } from "~/components/page";
import { SignupSchema } from "~/domain/account.schema";
import { createUser, normalizeEmail } from "~/models/user.server";
import { parseForm, readFormData } from "~/utils/forms";
import { detectLang } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { addressSubject, checkLimit, countAttempt, passRetryAfter, retryAfter, SIGNUP_TAKEN_EMAILS_PER_IP, SIGNUPS_PER_IP } from "~/utils/rate-limit.server";
import { safeRedirect } from "~/utils/redirect";
import { getUser, signIn } from "~/utils/session.server";
import { signupPolicy } from "~/services/signup-policy.server";
import { useI18n } from "~/utils/use-i18n";
import { useValidatedForm } from "~/utils/use-validated-form";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";

export const headers = passRetryAfter;

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = new URL(request.url).searchParams.get("redirectTo") ?? "";
  if (await getUser(request)) throw redirect(safeRedirect(redirectTo));
  const policy = await signupPolicy(redirectTo);
  const lang = detectLang(request);
  return { ...policy, redirectTo, title: `${translate(lang, policy.firstRun ? "auth.signup.firstRunTitle" : "auth.signup.title")} · Madura`, i18n: messagesFor(request, ["auth"]) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const address = addressSubject(context.clientIp);
  const limit = [await checkLimit(SIGNUPS_PER_IP, address), await checkLimit(SIGNUP_TAKEN_EMAILS_PER_IP, address)].find((state) => state.limited);
  if (limit) {
    const form = translate(detectLang(request), "auth.error.tooMany", { count: Math.ceil(limit.retryAfterSeconds / 60) });
    return data({ errors: { form } as Record<string, string>, values: {} as Record<string, string> }, { status: 429, headers: retryAfter(limit) });
  }
  const form = parseForm(SignupSchema, await readFormData(request));
  if (!form.ok) {
    const { password: _password, ...values } = form.values;
    return data({ errors: form.errors, values }, { status: 400 });
  }
  const { name, email, password, redirectTo } = form.data;
  if (!(await signupPolicy(redirectTo)).allowed) {
    return data({ errors: { form: "auth.error.signupClosed" } as Record<string, string>, values: { name, email } }, { status: 403 });
  }
  await countAttempt(SIGNUPS_PER_IP, address);
  const user = await createUser({ name, email, password });
  // Saying "taken" tells which emails have accounts; an address may hear it only so often (see README).
  if (!user) await countAttempt(SIGNUP_TAKEN_EMAILS_PER_IP, address);
  if (!user) return data({ errors: { email: "auth.error.emailTaken" } as Record<string, string>, values: { name, email } }, { status: 400 });
  return signIn(request, user.id, safeRedirect(redirectTo, "/orgs"), normalizeEmail(email));
}

export default function Signup() {
  const { allowed, firstRun, redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const message = useMessage();
  const errors = result?.errors ?? {};
  const form = useValidatedForm(SignupSchema, result?.errors);
  const formError = errors.form ?? form.error("website");
  const loginHref = redirectTo ? `/login?${new URLSearchParams({ redirectTo })}` : "/login";

  return (
    <Page title={t(firstRun ? "auth.signup.firstRunTitle" : "auth.signup.title")} lead={t(firstRun ? "auth.signup.firstRunLead" : "auth.signup.lead")} width="max-w-lg">
      {allowed ? (
        <Form method="post" className="card relative space-y-5 p-6" {...form.formProps}>
          {formError ? <FormMessage tone="error">{message(formError)}</FormMessage> : null}
          <Honeypot />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextField {...form.field("name")} label={t("auth.field.name")} autoComplete="name" required defaultValue={result?.values.name} />
          <TextField {...form.field("email")} type="email" label={t("auth.field.email")} autoComplete="email" required defaultValue={result?.values.email} />
          <TextField
            {...form.field("password")}
            type="password"
            label={t("auth.field.password")}
            hint={t("auth.field.passwordHint")}
            autoComplete="new-password"
            required
            minLength={10}
          />
          <button type="submit" className="btn btn-primary w-full">
            {t("auth.signup.submit")}
          </button>
        </Form>
      ) : (
        <FormMessage tone="error">{t("auth.signup.closed")}</FormMessage>
      )}
      <p className="mt-6 text-center">
        {t("auth.signup.haveAccount")} <Link to={loginHref}>{t("auth.login.submit")}</Link>
      </p>
    </Page>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
