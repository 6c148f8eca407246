import { Form, Link } from "@remix-run/react";
import type { EmailStatus } from "~/services/reminders.server";
import { CopyLink } from "./copy-link";
import { FormMessage } from "./forms";
import { useI18n } from "~/utils/use-i18n";

/**
 * A secret calendar address with how to subscribe in the three calendars people use, and "Make a
 * new URL" (intent=new-calendar-url), which revokes the old one. The address is in
 * [data-testid=calendar-url] (INTERFACES).
 */
export function CalendarFeedPanel({ url, scope, renewed }: { url: string; scope: "organization" | "user"; renewed: boolean }) {
  const { t } = useI18n();
  return (
    <section className="card p-6" aria-labelledby="calendar-title">
      <h2 id="calendar-title" className="text-xl font-bold">{t("calendar.title")}</h2>
      <p className="mt-1">{t(scope === "organization" ? "calendar.lead.organization" : "calendar.lead.user")}</p>
      {renewed ? <div className="mt-3"><FormMessage tone="success">{t("calendar.renewed")}</FormMessage></div> : null}
      <div data-testid="calendar-url" data-url={url}>
        <CopyLink id="calendar-url" url={url} label={t("calendar.urlLabel")} />
      </div>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-ink-soft">
        <li>{t("calendar.howTo.outlook")}</li>
        <li>{t("calendar.howTo.google")}</li>
        <li>{t("calendar.howTo.apple")}</li>
      </ul>
      <p className="mt-3 text-sm">{t("calendar.secret")}</p>
      <Form method="post" className="mt-4">
        <input type="hidden" name="intent" value="new-calendar-url" />
        <button type="submit" className="btn btn-secondary">{t("calendar.renew")}</button>
      </Form>
    </section>
  );
}

/**
 * Whether reminders are emailed and to whom; without SMTP_URL, where they go instead; the sends that
 * failed. Times are in UTC, the same on the server and in the browser (no hydration mismatch).
 */
export function EmailRemindersPanel({ status, organizationId }: { status: EmailStatus; organizationId: string }) {
  const { t, date } = useI18n();
  return (
    <section className="card p-6" aria-labelledby="email-title" data-testid="email-reminders" data-configured={status.configured ? "yes" : "no"}>
      <h2 id="email-title" className="text-xl font-bold">{t("emailSettings.title")}</h2>
      {!status.configured ? (
        <p className="mt-1">
          {t("emailSettings.off", { reviews: "\u0000" })
            .split("\u0000")
            .flatMap((part, i) => (i === 0 ? [part] : [<Link key={i} to={`/orgs/${organizationId}/reviews`}>{t("emailSettings.off.reviews")}</Link>, part]))}
        </p>
      ) : (
        <>
          <p className="mt-1">{t("emailSettings.on", { days: status.reminderDays })}</p>
          <p className="mt-2 text-sm text-ink-soft">{t("emailSettings.counts", { sent: status.sent, pending: status.pending })}</p>
          <h3 className="mt-4 font-bold">{t("emailSettings.problems.title")}</h3>
          {status.problems.length === 0 ? (
            <p className="mt-1 text-ink-soft">{t("emailSettings.problems.none")}</p>
          ) : (
            <ul className="mt-2 divide-y divide-line" data-testid="email-problems">
              {status.problems.map((problem) => (
                <li key={problem.id} className="py-2" data-status={problem.status}>
                  <p className="font-semibold break-words">{problem.subject}</p>
                  <p className="text-sm break-words">{problem.recipient}</p>
                  <p className={`text-sm font-semibold ${problem.status === "failed" ? "text-danger" : "text-accent"}`}>
                    {problem.status === "failed"
                      ? t("emailSettings.problems.failed", { attempts: problem.attempts })
                      : t("emailSettings.problems.retrying", { date: date(problem.nextAttemptAt, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }), attempts: problem.attempts })}
                  </p>
                  {problem.lastError ? (
                    <p className="text-sm break-words text-ink-soft">
                      {problem.lastError === "interrupted" ? t("emailSettings.problems.interrupted") : t("emailSettings.problems.error", { error: problem.lastError })}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
