import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { countUsers } from "~/models/user.server";
import { getQuizContent } from "~/utils/content.server";
import { pick } from "~/utils/content.schema";
import { detectLang } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { noJavaScript } from "~/utils/route-handle";
import { getUser } from "~/utils/session.server";
import { useI18n } from "~/utils/use-i18n";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const handle = noJavaScript;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Madura" },
  { name: "description", content: data?.description ?? "" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = detectLang(request);
  return {
    i18n: messagesFor(request, ["home", "quiz"]),
    title: `Madura · ${translate(lang, "app.tagline")}`,
    description: translate(lang, "home.lead"),
    firstRun: await countUsers() === 0,
    bands: getQuizContent().bands.map((b) => ({ key: b.key, min: b.min, max: b.max, name: pick(b.name, lang), summary: pick(b.summary, lang) })),
    signedIn: Boolean(await getUser(request)),
  };
}

const JOURNEYS = [
  { id: "executives", title: "home.exec.title", text: "home.exec.text" },
  { id: "consultants", title: "home.consultant.title", text: "home.consultant.text" },
  { id: "owners", title: "home.owner.title", text: "home.owner.text" },
] as const;

export default function Index() {
  const { firstRun, signedIn, bands } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <section className="bg-white">
        <div className="mx-auto grid max-w-5xl items-center gap-10 px-4 py-14 sm:py-20 lg:grid-cols-[1fr_20rem]">
          <div>
          <p className="text-sm font-semibold uppercase tracking-wide text-primary">{t("app.tagline")}</p>
          <h1 className="mt-3 max-w-3xl text-4xl font-bold sm:text-5xl">{t("home.title")}</h1>
          <p className="mt-5 max-w-2xl text-lg text-ink-soft sm:text-xl">{t("home.lead")}</p>
          <div className="mt-8 flex flex-wrap items-center gap-4">
            <Link to="/quiz" className="btn btn-primary px-6 py-3 text-lg">
              {t("home.cta")}
            </Link>
            <span className="text-ink-soft">{t("home.ctaHint")}</span>
          </div>
          <p className="mt-4">
            {t("home.joinPrompt")} <Link to="/join">{t("home.joinLink")}</Link>
          </p>
          {signedIn ? (
            <p className="mt-6">
              <Link to="/orgs" className="font-semibold">
                {t("home.signedIn")} →
              </Link>
            </p>
          ) : firstRun ? (
            <div className="mt-8 flex flex-wrap items-center gap-3 rounded-lg border border-accent bg-accent-soft p-4">
              <span>{t("home.firstRun")}</span>
              <Link to="/signup" className="btn btn-secondary">
                {t("home.firstRunCta")}
              </Link>
            </div>
          ) : null}
          </div>
          <aside className="card hidden p-5 lg:block" aria-labelledby="bands-title">
            <h2 id="bands-title" className="font-bold">{t("home.bands")}</h2>
            <ol className="mt-3 space-y-3">
              {bands.map((band, index) => (
                <li key={band.key} className="flex gap-3">
                  <span className={`mt-1 h-10 w-2 shrink-0 rounded ${["bg-level-2", "bg-level-3", "bg-level-4"][index]}`} aria-hidden="true" />
                  <span>
                    <span className="block font-semibold">{band.name}</span>
                    <span className="tabular block text-sm text-ink-soft">{t("result.bandRange", { min: band.min, count: band.max })}</span>
                  </span>
                </li>
              ))}
            </ol>
          </aside>
        </div>
      </section>
      <section className="mx-auto max-w-5xl px-4 py-12" aria-labelledby="journeys">
        <h2 id="journeys" className="text-2xl font-bold">
          {t("home.journeys")}
        </h2>
        <ul className="mt-6 grid gap-4 md:grid-cols-3">
          {JOURNEYS.map((journey) => (
            <li key={journey.id} id={journey.id} className="card p-6">
              <h3 className="text-lg font-bold">{t(journey.title)}</h3>
              <p className="mt-2 text-ink-soft">{t(journey.text)}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
