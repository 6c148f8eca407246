import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DueList } from "~/components/due-list";
import { EmptyState, Page } from "~/components/page";
import { today } from "~/domain/review-schedule";
import { getDueItems } from "~/services/initiatives.server";
import { detectLang } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { can, orgRouteWithoutPosts, requireOrgAccess } from "~/utils/permissions.server";
import { useI18n } from "~/utils/use-i18n";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }];

/** The organization's reviews due within 30 days and overdue, soonest first. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, role } = await requireOrgAccess(request, params.orgId);
  const items = await getDueItems([{ id: organization.id, name: organization.name }], today(), ["review"]);
  return {
    i18n: messagesFor(request, ["initiatives"]),
    title: `${translate(detectLang(request), "reviews.title")} · ${organization.name}`,
    canAct: can(role, "manage-initiatives"),
    rows: items.map(({ due, ...item }) => ({ ...item, overdue: due.kind === "overdue", days: due.days })),
  };
}

export const action = orgRouteWithoutPosts;

export default function ReviewsDue() {
  const { rows, canAct } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <Page title={t("reviews.title")} lead={t("reviews.lead")} width="max-w-3xl">
      {rows.length === 0 ? (
        <EmptyState
          title={t("reviews.empty.title")}
          text={t("reviews.empty.text")}
          action={
            <Link to="../initiatives" relative="path" className="btn btn-primary">
              {t("initiatives.title")}
            </Link>
          }
        />
      ) : (
        <DueList rows={rows} showOrganization={false} canAct={canAct} />
      )}
    </Page>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
