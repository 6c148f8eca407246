import type { LoaderFunctionArgs } from "@remix-run/node";
import { today } from "~/domain/review-schedule";
import { csvResponse, slug } from "~/integrations/csv.server";
import { getPlan } from "~/services/initiatives.server";
import { orgRouteWithoutPosts, requireOrgAccess } from "~/utils/permissions.server";

const HEADER = ["id", "title", "capabilities", "owner", "status", "priority", "effort", "staffing", "start", "target", "next_review"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId);
  const plan = await getPlan(organization.id, today());
  const rows = plan.map((i) => [i.id, i.title, i.capabilities.join(";"), i.ownerName, i.status, i.priority, i.effort, i.staffing, i.start, i.target, i.nextReview]);
  return csvResponse(request, `initiatives-${slug(organization.name)}.csv`, HEADER, rows);
}

export const action = orgRouteWithoutPosts;
