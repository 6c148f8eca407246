import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState, Page } from "~/components/page";
import { listOrganizationsForUser } from "~/models/organization.server";
import { getCapabilityKeys } from "~/utils/content.server";
import { detectLang, translate } from "~/utils/i18n";
import { requireUser } from "~/utils/session.server";
import { useI18n } from "~/utils/use-i18n";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Madura" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const organizations = listOrganizationsForUser(user.id, getCapabilityKeys());
  return { organizations, now: Date.now(), title: `${translate(detectLang(request), "orgs.title")} · Madura` };
}

export default function Organizations() {
  const { organizations, now } = useLoaderData<typeof loader>();
  const { t, number, date } = useI18n();
  const newButton = (
    <Link to="/orgs/new" className="btn btn-primary">
      {t("orgs.new")}
    </Link>
  );
  return (
    <Page title={t("orgs.title")} lead={t("orgs.lead")} actions={organizations.length ? newButton : null}>
      {organizations.length === 0 ? (
        <EmptyState title={t("orgs.empty.title")} text={t("orgs.empty.text")} action={newButton} />
      ) : (
        <div className="card overflow-x-auto">
          <table className="w-full text-left">
            <thead className="border-b border-line text-sm text-ink-soft">
              <tr>
                <th scope="col" className="px-4 py-3">{t("orgs.col.name")}</th>
                <th scope="col" className="px-4 py-3">{t("orgs.col.role")}</th>
                <th scope="col" className="px-4 py-3 text-right">{t("orgs.col.maturity")}</th>
                <th scope="col" className="px-4 py-3">{t("orgs.col.nextDue")}</th>
                <th scope="col" className="px-4 py-3 text-right">{t("orgs.col.members")}</th>
                <th scope="col" className="px-4 py-3 text-right">{t("orgs.col.quiz")}</th>
              </tr>
            </thead>
            <tbody>
              {organizations.map((org) => (
                <tr key={org.id} className="border-b border-line last:border-0">
                  <td className="px-4 py-3">
                    <Link to={`/orgs/${org.id}`} className="font-semibold">
                      {org.name}
                    </Link>
                    {org.industry ? <span className="block text-sm text-ink-soft">{org.industry}</span> : null}
                  </td>
                  <td className="px-4 py-3">{t(`role.${org.role}`)}</td>
                  <td className="tabular px-4 py-3 text-right font-semibold">
                    {org.maturity === null ? "–" : number(org.maturity, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}
                  </td>
                  <td className={`px-4 py-3 ${org.nextDue !== null && org.nextDue < now ? "font-semibold text-accent" : ""}`}>
                    {org.nextDue === null ? "–" : `${org.nextDue < now ? "⚠ " : ""}${date(org.nextDue)}`}
                  </td>
                  <td className="tabular px-4 py-3 text-right">{number(org.members)}</td>
                  <td className="tabular px-4 py-3 text-right">{number(org.quizResults)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
