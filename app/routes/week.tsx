import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { DueList } from "~/components/due-list";
import { EmptyState, Page } from "~/components/page";
import { compareText } from "~/domain/compare";
import { today } from "~/domain/review-schedule";
import { listOrganizationsForUser } from "~/models/organization.server";
import { getDueItems } from "~/services/initiatives.server";
import { detectLang } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { can } from "~/utils/permissions.server";
import { requireUser } from "~/utils/session.server";
import { useI18n } from "~/utils/use-i18n";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }];

/** How many items the week lists before "show all": a consultant's portfolio can hold thousands. */
const WEEK_ROWS = 60;

/**
 * A consultant's week: everything due or overdue across all their organizations, soonest first,
 * with each organization's count on top (where to go first) and the first WEEK_ROWS items listed
 * until `?all=1` asks for every one.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const organizations = await listOrganizationsForUser(user.id);
  const items = await getDueItems(organizations, today());
  const canAct = new Set(organizations.filter((o) => can(o.role, "manage-initiatives")).map((o) => o.id));
  const all = new URL(request.url).searchParams.get("all") === "1";
  const counts = new Map<string, { organizationId: string; organizationName: string; overdue: number; due: number }>();
  for (const item of items) {
    const count = counts.get(item.organizationId) ?? { organizationId: item.organizationId, organizationName: item.organizationName, overdue: 0, due: 0 };
    count[item.due.kind] += 1;
    counts.set(item.organizationId, count);
  }
  return {
    i18n: messagesFor(request, ["initiatives"]),
    title: `${translate(detectLang(request), "week.title")} · Madura`,
    total: items.length,
    byOrganization: [...counts.values()].sort((a, b) => b.overdue - a.overdue || b.due - a.due || compareText(a.organizationName, b.organizationName)),
    rows: (all ? items : items.slice(0, WEEK_ROWS)).map(({ due, ...item }) => ({ ...item, canAct: canAct.has(item.organizationId), overdue: due.kind === "overdue", days: due.days })),
  };
}

export default function Week() {
  const { rows, total, byOrganization } = useLoaderData<typeof loader>();
  const { t, number } = useI18n();
  return (
    <Page title={t("week.title")} lead={t("week.lead")} width="max-w-3xl">
      {rows.length === 0 ? (
        <EmptyState
          title={t("week.empty.title")}
          text={t("week.empty.text")}
          action={
            <Link to="/orgs" className="btn btn-primary">
              {t("week.empty.action")}
            </Link>
          }
        />
      ) : (
        <div className="space-y-6">
          {byOrganization.length > 1 ? (
            <div className="card overflow-x-auto">
              <DataTable
                caption={t("week.byOrganization")}
                rows={byOrganization}
                rowKey={(row) => row.organizationId}
                columns={[
                  {
                    key: "organization",
                    header: t("week.column.organization"),
                    rowHeader: true,
                    cell: (row) => <Link to={`/orgs/${row.organizationId}/reviews`}>{row.organizationName}</Link>,
                  },
                  { key: "overdue", header: t("week.column.overdue"), align: "end", className: (row) => `tabular ${row.overdue ? "font-semibold text-accent" : ""}`, cell: (row) => number(row.overdue) },
                  { key: "due", header: t("week.column.due"), align: "end", className: "tabular", cell: (row) => number(row.due) },
                ]}
              />
            </div>
          ) : null}
          <DueList rows={rows} showOrganization />
          {rows.length < total ? (
            <p className="card p-4">
              {t("week.shown", { shown: rows.length, count: total })}{" "}
              <Link to="?all=1" className="font-semibold">
                {t("week.showAll", { count: total })}
              </Link>
            </p>
          ) : null}
        </div>
      )}
    </Page>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
