import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import type { MessageKey } from "~/utils/i18n";
import { useI18n } from "~/utils/use-i18n";

function messagesFor(status: number): { title: MessageKey; text: MessageKey } {
  if (status === 404) return { title: "error.notFound.title", text: "error.notFound.text" };
  if (status >= 500) return { title: "error.server.title", text: "error.server.text" };
  return { title: "error.other.title", text: "error.server.text" };
}

/** The one error page: 404, 500 and the rest, in the user's language, with a way home. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useI18n();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  const { title, text } = messagesFor(status);
  return (
    <div className="mx-auto max-w-2xl px-4 py-16">
      <p className="tabular text-sm font-semibold text-ink-soft">{status}</p>
      <h1 className="mt-2 text-3xl font-bold">{t(title)}</h1>
      <p className="mt-4 text-lg text-ink-soft">{t(text)}</p>
      <Link to="/" className="btn btn-primary mt-8">
        {t("error.backHome")}
      </Link>
    </div>
  );
}
