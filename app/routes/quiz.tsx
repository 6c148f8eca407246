import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormMessage, Honeypot } from "~/components/forms";
import { QuizQuestion } from "~/components/quiz-question";
import { QuizAnswersSchema } from "~/domain/quiz.schema";
import { getOrganizationByQuizInvite } from "~/models/organization.server";
import { createQuizResult } from "~/models/quiz-result.server";
import { getQuizContent } from "~/utils/content.server";
import { pick } from "~/utils/content.schema";
import { parseForm, readFormData } from "~/utils/forms";
import { detectLang } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { noJavaScript } from "~/utils/route-handle";
import { useI18n } from "~/utils/use-i18n";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";

export const handle = noJavaScript;

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = detectLang(request);
  const quiz = getQuizContent();
  const invite = new URL(request.url).searchParams.get("invite") ?? "";
  return {
    i18n: messagesFor(request, ["quiz"]),
    title: `${translate(lang, "quiz.title")} · Madura`,
    invite,
    inviteOrganization: invite ? ((await getOrganizationByQuizInvite(invite))?.name ?? null) : null,
    questions: quiz.questions.map((q) => ({
      id: q.id,
      topic: pick(q.topic, lang),
      prompt: pick(q.prompt, lang),
      answers: q.answers.map((a) => ({ key: a.key, label: pick(a.label, lang) })),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = parseForm(QuizAnswersSchema, await readFormData(request));
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const { invite, website: _website, ...answers } = form.data;
  // A stale or unknown invite still records the answers, just outside any organization.
  const organization = invite ? await getOrganizationByQuizInvite(invite) : undefined;
  const result = await createQuizResult(answers, detectLang(request), organization?.id ?? null);
  return redirect(`/quiz/r/${result.id}`, 303);
}

export default function Quiz() {
  const { questions, invite, inviteOrganization } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = actionData?.errors ?? {};
  const firstError = questions.find((q) => errors[q.id])?.id;

  return (
    <div className="mx-auto max-w-2xl px-4 py-8 sm:py-12">
      <h1 className="text-3xl font-bold sm:text-4xl">{t("quiz.title")}</h1>
      <p className="mt-3 text-lg text-ink-soft">{t("quiz.lead")}</p>
      {invite ? (
        <p className={`mt-6 rounded-lg border p-4 ${inviteOrganization ? "border-primary bg-primary-soft" : "border-accent bg-accent-soft"}`}>
          {inviteOrganization ? t("quiz.inviteBanner", { org: inviteOrganization }) : t("quiz.inviteInvalid")}
        </p>
      ) : null}
      {firstError || errors.website ? (
        <div className="mt-6">
          <FormMessage tone="error">{t(firstError ? "quiz.errorSummary" : "form.error.bot")}</FormMessage>
        </div>
      ) : null}
      <Form method="post" className="relative mt-8 space-y-6" noValidate>
        <Honeypot />
        {invite ? <input type="hidden" name="invite" value={invite} /> : null}
        {questions.map((question, index) => (
          <QuizQuestion
            key={question.id}
            question={question}
            position={index + 1}
            total={questions.length}
            selected={actionData?.values[question.id]}
            error={errors[question.id]}
            autoFocus={question.id === firstError}
          />
        ))}
        <button type="submit" className="btn btn-primary w-full text-lg sm:w-auto">
          {t("quiz.submit")}
        </button>
      </Form>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
