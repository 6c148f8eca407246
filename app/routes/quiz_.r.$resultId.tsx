import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CopyLink } from "~/components/copy-link";
import { ScoreGauge } from "~/components/score-gauge";
import { answerPoints, bestAnswer, MAX_SCORE, MIN_SCORE, QUIZ_QUESTIONS, type BandKey } from "~/domain/quiz";
import { getQuizResult } from "~/models/quiz-result.server";
import { getQuizContent } from "~/utils/content.server";
import { pick } from "~/utils/content.schema";
import { detectLang } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { publicBaseUrl } from "~/utils/request.server";
import { noJavaScript, type RouteHandle } from "~/utils/route-handle";
import { useI18n } from "~/utils/use-i18n";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";

export const handle: RouteHandle = { ...noJavaScript, copyLinks: true };

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [
  { title: data ? `${data.band.name} · Madura` : errorTitle(error, matches) },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const result = await getQuizResult(params.resultId ?? "");
  if (!result) throw new Response("Not found", { status: 404 });
  const lang = detectLang(request);
  const quiz = getQuizContent();
  const band = quiz.bands.find((b) => b.key === result.band)!;
  return {
    i18n: messagesFor(request, ["quiz"]),
    score: result.score,
    createdAt: result.createdAt.getTime(),
    shareUrl: `${publicBaseUrl(request)}/quiz/r/${result.id}`,
    title: translate(lang, "result.title"),
    band: {
      key: band.key as BandKey,
      min: band.min,
      max: band.max,
      name: pick(band.name, lang),
      summary: pick(band.summary, lang),
      detail: pick(band.detail, lang),
      nextStep: pick(band.nextStep, lang),
    },
    bandNames: Object.fromEntries(quiz.bands.map((b) => [b.key, pick(b.name, lang)])) as Record<BandKey, string>,
    answers: quiz.questions.map((q) => {
      const chosen = result[q.id];
      const best = bestAnswer(q.id);
      const label = (key: string) => pick(q.answers.find((a) => a.key === key)!.label, lang);
      return {
        id: q.id,
        topic: pick(q.topic, lang),
        chosen: label(chosen),
        best: label(best),
        points: answerPoints(chosen),
        maxPoints: QUIZ_QUESTIONS[q.id].length,
        isBest: chosen === best,
      };
    }),
    cem: { title: pick(quiz.cem.title, lang), definition: pick(quiz.cem.definition, lang), body: pick(quiz.cem.body, lang) },
    challenges: quiz.challenges.map((c) => ({ key: c.key, title: pick(c.title, lang), text: pick(c.text, lang) })),
    invite: { title: pick(quiz.assessmentInvite.title, lang), text: pick(quiz.assessmentInvite.text, lang) },
  };
}

export default function QuizResultPage() {
  const data = useLoaderData<typeof loader>();
  const { t, number, date } = useI18n();
  const { band } = data;

  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:py-12">
      <h1 className="text-3xl font-bold sm:text-4xl">{data.title}</h1>
      <p className="mt-2 text-sm text-ink-soft">{t("result.takenOn", { date: date(data.createdAt) })}</p>

      <section className="card mt-6 grid items-center gap-6 p-6 sm:grid-cols-[auto_1fr]" aria-labelledby="band-name">
        <div className="flex flex-col items-center">
          <ScoreGauge
            score={data.score}
            bandNames={data.bandNames}
            label={t("result.gaugeLabel", { score: data.score, min: MIN_SCORE, max: MAX_SCORE })}
          />
          <p className="-mt-2 text-center">
            <span className="sr-only">{t("result.scoreLabel")}: </span>
            <span data-testid="quiz-score" className="tabular text-5xl font-bold">
              {number(data.score)}
            </span>
            <span className="tabular text-lg text-ink-soft"> / {number(MAX_SCORE)}</span>
          </p>
        </div>
        <div>
          <p
            id="band-name"
            data-testid="quiz-band"
            data-band={band.key}
            className="inline-block rounded-full bg-primary-soft px-3 py-1 text-lg font-bold text-primary-strong"
          >
            {band.name}
          </p>
          <p className="tabular mt-1 text-sm text-ink-soft">{t("result.bandRange", { min: band.min, count: band.max })}</p>
          <p className="mt-3 text-lg font-semibold">{band.summary}</p>
          <p className="mt-2 text-ink-soft">{band.detail}</p>
        </div>
      </section>

      <section className="mt-8" aria-labelledby="next-level">
        <h2 id="next-level" className="text-2xl font-bold">
          {t("result.nextLevel")}
        </h2>
        <p className="mt-2 text-lg">{band.nextStep}</p>
      </section>

      <section className="mt-10" aria-labelledby="answers">
        <h2 id="answers" className="text-2xl font-bold">
          {t("result.answers")}
        </h2>
        <p className="mt-1 text-ink-soft">{t("result.answersLead")}</p>
        <ol className="mt-4 space-y-3">
          {data.answers.map((answer) => (
            <li key={answer.id} className="card p-4 sm:p-5">
              <h3 className="font-bold">{answer.topic}</h3>
              <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
                <dt className="text-sm font-semibold text-ink-soft">{t("result.yourAnswer")}</dt>
                <dd>
                  {answer.chosen}{" "}
                  <span className="tabular whitespace-nowrap text-sm text-ink-soft">
                    ({t("result.points", { points: answer.points, count: answer.maxPoints })})
                  </span>
                </dd>
                {answer.isBest ? null : (
                  <>
                    <dt className="text-sm font-semibold text-ink-soft">{t("result.bestAnswer")}</dt>
                    <dd>{answer.best}</dd>
                  </>
                )}
              </dl>
              {answer.isBest ? (
                <p className="mt-2 text-sm font-semibold text-primary-strong">
                  <span aria-hidden="true">✓ </span>
                  {t("result.alreadyBest")}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <section className="mt-10" aria-labelledby="cem">
        <h2 id="cem" className="text-2xl font-bold">
          {data.cem.title}
        </h2>
        <p className="mt-2 text-lg font-semibold">{data.cem.definition}</p>
        <p className="mt-2 text-ink-soft">{data.cem.body}</p>
      </section>

      <section className="mt-10" aria-labelledby="challenges">
        <h2 id="challenges" className="text-2xl font-bold">
          {t("result.challenges")}
        </h2>
        <ul className="mt-4 grid gap-3 sm:grid-cols-2">
          {data.challenges.map((challenge) => (
            <li key={challenge.key} className="card p-4">
              <h3 className="font-bold">{challenge.title}</h3>
              <p className="mt-1 text-sm text-ink-soft">{challenge.text}</p>
            </li>
          ))}
        </ul>
      </section>

      <section className="no-print mt-10" aria-labelledby="share">
        <h2 id="share" className="text-2xl font-bold">
          {t("result.share")}
        </h2>
        <p className="mt-1 text-ink-soft">{t("result.shareHint")}</p>
        <CopyLink url={data.shareUrl} label={t("result.shareLinkLabel")} />
      </section>

      <section className="no-print card mt-10 border-primary bg-primary-soft p-6" aria-labelledby="invite">
        <h2 id="invite" className="text-2xl font-bold">
          {data.invite.title}
        </h2>
        <p className="mt-2">{data.invite.text}</p>
        <div className="mt-4 flex flex-wrap gap-3">
          <Link to="/#consultants" className="btn btn-primary">
            {t("result.assessmentCta")}
          </Link>
          <Link to="/quiz" className="btn btn-secondary">
            {t("result.retake")}
          </Link>
        </div>
      </section>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
