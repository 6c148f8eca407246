import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAssessment } from "~/models/assessment.server";
import { csvResponse, slug } from "~/integrations/csv.server";
import { getCapabilityGaps } from "~/services/gap-analysis.server";
import { orgRouteWithoutPosts, requireOrgAccess } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId);
  const assessment = await requireAssessment(organization.id, params.assessmentId);
  const rows = (await getCapabilityGaps(assessment.id)).map((g) => [g.categoryKey, g.capabilityKey, g.current, g.ideal, g.gap, g.importance, g.priority]);
  return csvResponse(request, `gaps-${slug(assessment.name)}.csv`, ["category", "capability", "current", "ideal", "gap", "importance", "priority"], rows);
}

export const action = orgRouteWithoutPosts;
