import type { LoaderFunctionArgs } from "@remix-run/node";
import { FEEDBACK_HEADER } from "~/domain/csv-import";
import { csvResponse, slug } from "~/integrations/csv.server";
import { listFeedback } from "~/models/feedback.server";
import { orgRouteWithoutPosts, requireOrgAccess } from "~/utils/permissions.server";

/** GET /orgs/:orgId/feedback.csv: `date,sentiment,channel,capability,text`, newest first. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId);
  const rows = (await listFeedback(organization.id)).map((f) => [f.date, f.sentiment, f.channel, f.capability, f.text]);
  return csvResponse(request, `feedback-${slug(organization.name)}.csv`, [...FEEDBACK_HEADER], rows);
}

export const action = orgRouteWithoutPosts;
