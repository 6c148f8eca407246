import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { createTranslator, DEFAULT_LANG, isLang, type MessageKey, type Messages as Catalog } from "~/utils/i18n";
import { useI18n } from "~/utils/use-i18n";

type Messages = { title: MessageKey; text: MessageKey };

/** What each status means to the person who met it; anything else falls back by class (4xx, 5xx). */
export const STATUS_MESSAGES: Record<number, Messages> = {
  400: { title: "error.badRequest.title", text: "error.badRequest.text" },
  403: { title: "error.forbidden.title", text: "error.forbidden.text" },
  404: { title: "error.notFound.title", text: "error.notFound.text" },
  405: { title: "error.methodNotAllowed.title", text: "error.methodNotAllowed.text" },
  409: { title: "error.conflict.title", text: "error.conflict.text" },
  410: { title: "error.gone.title", text: "error.gone.text" },
  413: { title: "error.tooLarge.title", text: "error.tooLarge.text" },
  429: { title: "error.tooMany.title", text: "error.tooMany.text" },
  503: { title: "error.unavailable.title", text: "error.unavailable.text" },
};

export function messagesFor(status: number): Messages {
  const known = STATUS_MESSAGES[status];
  if (known) return known;
  if (status >= 500) return { title: "error.server.title", text: "error.server.text" };
  return { title: "error.other.title", text: "error.other.text" };
}

/**
 * A page's title when its loader failed (its data is missing): what the status means, in the
 * visitor's language (the root loader's), so a tab reads "Page not found · Madura", not "Madura".
 */
export function errorTitle(error: unknown, matches: readonly { id: string; data?: unknown }[]): string {
  const rootData = matches.find((match) => match.id === "root")?.data as { lang?: unknown; i18n?: Catalog } | undefined;
  const t = createTranslator(isLang(rootData?.lang) ? rootData.lang : DEFAULT_LANG, (key) => rootData?.i18n?.[key]);
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return `${t(messagesFor(status).title)} · Madura`;
}

/**
 * The one error page, exported as `ErrorBoundary` by every route module (a test holds them to it):
 * a message per status in the user's language, and a way home.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useI18n();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  const { title, text } = messagesFor(status);
  return (
    <div className="mx-auto max-w-2xl px-4 py-16" data-status={status}>
      <p className="tabular text-sm font-semibold text-ink-soft">{status}</p>
      <h1 className="mt-2 text-3xl font-bold">{t(title)}</h1>
      <p className="mt-4 text-lg text-ink-soft">{t(text)}</p>
      <Link to="/" className="btn btn-primary mt-8">
        {t("error.backHome")}
      </Link>
    </div>
  );
}
