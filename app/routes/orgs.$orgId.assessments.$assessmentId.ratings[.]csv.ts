import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAssessment } from "~/models/assessment.server";
import { listRatingsForExport } from "~/models/rating.server";
import { getCategoryOf } from "~/utils/content.server";
import { csvResponse, slug } from "~/integrations/csv.server";
import { orgRouteWithoutPosts, requireOrgAccess } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId);
  const assessment = await requireAssessment(organization.id, params.assessmentId);
  const categoryOf = getCategoryOf();
  const rows = (await listRatingsForExport(assessment.id))
    .filter((r) => r.current !== null || r.ideal !== null || r.comment)
    .map((r) => [r.participant, categoryOf.get(r.capabilityKey) ?? "", r.capabilityKey, r.current, r.ideal, r.comment]);
  return csvResponse(request, `ratings-${slug(assessment.name)}.csv`, ["participant", "category", "capability", "current", "ideal", "comment"], rows);
}

export const action = orgRouteWithoutPosts;
