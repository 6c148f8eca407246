import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse, slug } from "~/integrations/csv.server";
import { METRICS_CSV_HEADER, metricsCsvRows } from "~/services/metrics.server";
import { detectLang } from "~/utils/i18n";
import { orgRouteWithoutPosts, requireOrgAccess } from "~/utils/permissions.server";

/** GET /orgs/:orgId/metrics.csv: `metric,kind,unit,date,value,target`, one row per value. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId);
  const rows = await metricsCsvRows(organization.id, detectLang(request));
  return csvResponse(request, `metrics-${slug(organization.name)}.csv`, METRICS_CSV_HEADER, rows);
}

export const action = orgRouteWithoutPosts;
