import { useI18n } from "~/utils/use-i18n";

type Props = { code: string; url: string; qr: string; participants: number; voters: number; projector: boolean };

/** The join code in very large type with the QR code and the URL: readable from the back of a room. */
export function JoinPanel({ code, url, qr, participants, voters, projector }: Props) {
  const { t, number } = useI18n();
  const joinPath = url.replace(/\?.*$/, "");
  return (
    <section className="card grid items-center gap-6 p-6 md:grid-cols-[auto_1fr_auto]" aria-labelledby="join-title">
      <div
        className={`${projector ? "w-72" : "w-48"} shrink-0 rounded-lg bg-white p-2 [&_svg]:h-auto [&_svg]:w-full`}
        role="img"
        aria-label={t("join.qrLabel", { url })}
        dangerouslySetInnerHTML={{ __html: qr }}
      />
      <div>
        <h2 id="join-title" className="text-lg font-semibold text-ink-soft">
          {t("join.panelTitle", { url: joinPath })}
        </h2>
        <p
          data-testid="join-code"
          className={`tabular font-mono font-bold tracking-[0.15em] text-primary-strong ${projector ? "join-code-projector" : "text-6xl"}`}
          aria-label={t("join.codeLabel", { code: code.split("").join(" ") })}
        >
          {code}
        </p>
        <p className="mt-2 break-all font-mono text-sm text-ink-soft">{url}</p>
      </div>
      <dl className="flex flex-wrap gap-6 md:flex-col md:gap-2 md:text-right">
        <div>
          <dt className="text-sm text-ink-soft">{t("board.participants")}</dt>
          <dd className={`tabular font-bold ${projector ? "text-6xl" : "text-4xl"}`} data-testid="participant-count" aria-live="polite">
            {number(participants)}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-ink-soft">{t("board.voters")}</dt>
          <dd className="tabular text-2xl font-bold" data-testid="voter-count">
            {number(voters)}
          </dd>
        </div>
      </dl>
    </section>
  );
}
