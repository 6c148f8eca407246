import { Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { LANG_COOKIE } from "~/utils/i18n";
import { useI18n } from "~/utils/use-i18n";

function LanguageSwitch() {
  const { t, lang } = useI18n();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const other = lang === "es" ? "en" : "es";
  params.set(LANG_COOKIE, other);
  return (
    <a
      href={`${location.pathname}?${params}`}
      hrefLang={other}
      lang={other}
      aria-label={t("nav.switchToLabel")}
      className="rounded-md px-3 py-2 text-sm font-semibold text-primary-strong no-underline hover:bg-primary-soft"
    >
      {t("nav.switchTo")}
    </a>
  );
}

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("nav.skip")}
      </a>
      <header className="no-print border-b border-line bg-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
          <Link to="/" className="flex items-center gap-2 text-lg font-bold text-ink no-underline" aria-label={t("nav.home")}>
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span>{t("app.name")}</span>
          </Link>
          <nav aria-label={t("nav.language")} className="flex items-center gap-2">
            <Link to="/quiz" className="hidden rounded-md px-3 py-2 text-sm font-semibold no-underline hover:bg-primary-soft sm:inline-block">
              {t("nav.quiz")}
            </Link>
            <LanguageSwitch />
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="flex-1 outline-none">
        {children}
      </main>
      <footer className="no-print border-t border-line bg-white">
        <p className="mx-auto max-w-5xl px-4 py-6 text-sm text-ink-soft">{t("footer.text")}</p>
      </footer>
    </>
  );
}
