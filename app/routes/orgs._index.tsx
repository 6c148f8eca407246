import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { EmptyState, Page } from "~/components/page";
import { listOrganizationsForUser } from "~/models/organization.server";
import { getCapabilityKeys } from "~/utils/content.server";
import { detectLang } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { requireUser } from "~/utils/session.server";
import { useI18n } from "~/utils/use-i18n";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const organizations = await listOrganizationsForUser(user.id, getCapabilityKeys());
  return { organizations, now: Date.now(), title: `${translate(detectLang(request), "orgs.title")} · Madura`, i18n: messagesFor(request, ["organizations"]) };
}

export default function Organizations() {
  const { organizations, now } = useLoaderData<typeof loader>();
  const { t, number, date } = useI18n();
  const newButton = (
    <div className="flex flex-wrap gap-2">
      <Link to="/orgs/new" className="btn btn-primary">
        {t("orgs.new")}
      </Link>
      <Link to="/orgs/import" className="btn btn-secondary">
        {t("orgImport.link")}
      </Link>
    </div>
  );
  return (
    <Page title={t("orgs.title")} lead={t("orgs.lead")} actions={organizations.length ? newButton : null}>
      {organizations.length === 0 ? (
        <EmptyState title={t("orgs.empty.title")} text={t("orgs.empty.text")} action={newButton} />
      ) : (
        <div className="card overflow-x-auto">
          <DataTable
            density="comfortable"
            columns={[
              {
                key: "name",
                header: t("orgs.col.name"),
                cell: (org) => (
                  <>
                    <Link to={`/orgs/${org.id}`} className="font-semibold">
                      {org.name}
                    </Link>
                    {org.industry ? <span className="block text-sm text-ink-soft">{org.industry}</span> : null}
                  </>
                ),
              },
              { key: "role", header: t("orgs.col.role"), cell: (org) => t(`role.${org.role}`) },
              {
                key: "maturity",
                header: t("orgs.col.maturity"),
                align: "end",
                className: "tabular font-semibold",
                cell: (org) => (org.maturity === null ? "–" : number(org.maturity, { minimumFractionDigits: 1, maximumFractionDigits: 1 })),
              },
              {
                key: "nextDue",
                header: t("orgs.col.nextDue"),
                className: (org) => (org.nextDue !== null && org.nextDue < now ? "font-semibold text-accent" : ""),
                cell: (org) => (org.nextDue === null ? "–" : `${org.nextDue < now ? "⚠ " : ""}${date(org.nextDue)}`),
              },
              { key: "members", header: t("orgs.col.members"), align: "end", className: "tabular", cell: (org) => number(org.members) },
              { key: "quiz", header: t("orgs.col.quiz"), align: "end", className: "tabular", cell: (org) => number(org.quizResults) },
            ]}
            rows={organizations}
            rowKey={(org) => org.id}
          />
        </div>
      )}
    </Page>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
