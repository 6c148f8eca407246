import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DueList } from "~/components/due-list";
import { EmptyState, Page } from "~/components/page";
import { today } from "~/domain/review-schedule";
import { listOrganizationsForUser } from "~/models/organization.server";
import { getDueItems } from "~/services/initiatives.server";
import { detectLang } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { can } from "~/utils/permissions.server";
import { requireUser } from "~/utils/session.server";
import { useI18n } from "~/utils/use-i18n";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Madura" }];

/** A consultant's week: everything due or overdue across all their organizations, soonest first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const organizations = await listOrganizationsForUser(user.id);
  const items = await getDueItems(organizations, today());
  const canAct = new Set(organizations.filter((o) => can(o.role, "manage-initiatives")).map((o) => o.id));
  return {
    i18n: messagesFor(request, ["initiatives"]),
    title: `${translate(detectLang(request), "week.title")} · Madura`,
    rows: items.map(({ due, ...item }) => ({ ...item, canAct: canAct.has(item.organizationId), overdue: due.kind === "overdue", days: due.days })),
  };
}

export default function Week() {
  const { rows } = useLoaderData<typeof loader>();
  const { t } = useI18n();
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
        <DueList rows={rows} showOrganization />
      )}
    </Page>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
