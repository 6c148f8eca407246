import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAssessment } from "~/models/assessment.server";
import { getBoardData } from "~/services/workshop-board.server";
import { orgRouteWithoutPosts, requireOrgAccess } from "~/utils/permissions.server";

/** The board's live data as JSON: polled by the facilitator's page instead of reloading it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId);
  const assessment = await requireAssessment(organization.id, params.assessmentId);
  return Response.json(await getBoardData(assessment), { headers: { "Cache-Control": "no-store" } });
}

export const action = orgRouteWithoutPosts;
