import type { LoaderFunctionArgs } from "@remix-run/node";
import { slug } from "~/integrations/csv.server";
import { exportOrganization } from "~/services/portability.server";
import { orgRouteWithoutPosts, requireOrgAccess } from "~/utils/permissions.server";

/** GET /orgs/:orgId/export.json: consultants only, the whole organization as a portable file. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgAccess(request, params.orgId, "manage-organization");
  const now = new Date();
  const body = await exportOrganization(organization.id, now);
  if (body === null) throw new Response("Not found", { status: 404 });
  const filename = `madura-${slug(organization.name)}-${now.toISOString().slice(0, 10)}.json`;
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "private, no-store",
    },
  });
}

export const action = orgRouteWithoutPosts;
