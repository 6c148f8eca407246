import { Form, Link, useLocation, useRouteLoaderData, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { LANG_COOKIE } from "~/utils/i18n";
import { useI18n } from "~/utils/use-i18n";

type RootData = { user: { name: string } | null };

const navLink = "rounded-md px-3 py-2 text-sm font-semibold text-primary-strong no-underline hover:bg-primary-soft";

function LanguageSwitch() {
  const { t, lang } = useI18n();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const other = lang === "es" ? "en" : "es";
  params.set(LANG_COOKIE, other);
  return (
    <a href={`${location.pathname}?${params}`} hrefLang={other} lang={other} aria-label={t("nav.switchToLabel")} className={navLink}>
      {t("nav.switchTo")}
    </a>
  );
}

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const user = useRouteLoaderData<RootData>("root")?.user;
  // The facilitator's board on a projector: nothing but the content.
  if (useIsProjector()) {
    return (
      <main id="main" tabIndex={-1} className="flex-1 outline-none">
        {children}
      </main>
    );
  }
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("nav.skip")}
      </a>
      <header className="no-print border-b border-line bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2">
          <Link to={user ? "/orgs" : "/"} className="flex items-center gap-2 py-1 text-lg font-bold text-ink no-underline" aria-label={t("nav.home")}>
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span>{t("app.name")}</span>
          </Link>
          <nav aria-label={t("nav.main")} className="flex flex-wrap items-center gap-1">
            {user ? (
              <>
                <Link to="/orgs" className={navLink}>
                  {t("nav.orgs")}
                </Link>
                <Link to="/week" className={navLink}>
                  {t("nav.week")}
                </Link>
                <Link to="/account" className={navLink}>
                  {t("nav.accountPage")}
                </Link>
                <Form method="post" action="/logout" className="flex items-center">
                  <button type="submit" className={`${navLink} cursor-pointer`} title={t("nav.account", { name: user.name })}>
                    {t("nav.signOut")}
                  </button>
                </Form>
              </>
            ) : (
              <>
                <Link to="/quiz" className={`${navLink} hidden sm:inline-block`}>
                  {t("nav.quiz")}
                </Link>
                <Link to="/login" className={navLink}>
                  {t("nav.signIn")}
                </Link>
              </>
            )}
            <LanguageSwitch />
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="flex-1 outline-none">
        {children}
      </main>
      <footer className="no-print border-t border-line bg-white">
        <p className="mx-auto max-w-6xl px-4 py-6 text-sm text-ink-soft">{t("footer.text")}</p>
      </footer>
    </>
  );
}

export function useIsProjector(): boolean {
  return useSearchParams()[0].get("view") === "projector";
}
