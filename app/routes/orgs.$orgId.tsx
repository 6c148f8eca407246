import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useIsProjector } from "~/components/app-shell";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import type { MessageKey } from "~/utils/i18n";
import { messagesFor } from "~/utils/i18n.server";
import { can, orgRouteWithoutPosts, requireOrgAccess } from "~/utils/permissions.server";
import { useI18n } from "~/utils/use-i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, role } = await requireOrgAccess(request, params.orgId);
  return {
    i18n: messagesFor(request, ["organizations"]),
    organization: { id: organization.id, name: organization.name, industry: organization.industry },
    role,
    canManage: can(role, "manage-organization"),
  };
}

export default function OrganizationLayout() {
  const { organization, role, canManage } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const projector = useIsProjector();
  const tabs: { to: string; label: MessageKey; end?: boolean }[] = [
    { to: "", label: "org.nav.overview", end: true },
    { to: "initiatives", label: "org.nav.initiatives" },
    { to: "reviews", label: "org.nav.reviews" },
    { to: "metrics", label: "org.nav.metrics" },
    { to: "feedback", label: "org.nav.feedback" },
    { to: "roadmap", label: "org.nav.roadmap" },
    ...(canManage
      ? [
          { to: "members", label: "org.nav.members" as const },
          { to: "settings", label: "org.nav.settings" as const },
        ]
      : []),
  ];
  if (projector) return <Outlet />;
  return (
    <>
      <div className="no-print border-b border-line bg-white">
        <div className="mx-auto max-w-6xl px-4 pt-6">
          <p className="text-sm text-ink-soft">{t("org.yourRole", { role: t(`role.${role}`) })}</p>
          <p className="text-2xl font-bold">{organization.name}</p>
          {organization.industry ? <p className="text-ink-soft">{organization.industry}</p> : null}
          <nav aria-label={t("org.nav")} className="mt-4 flex flex-wrap gap-x-1">
            {tabs.map((tab) => (
              <NavLink
                key={tab.to}
                to={tab.to}
                end={tab.end}
                className={({ isActive }) =>
                  `border-b-4 px-3 py-2 font-semibold no-underline ${isActive ? "border-primary text-ink" : "border-transparent text-ink-soft hover:text-ink"}`
                }
              >
                {t(tab.label)}
              </NavLink>
            ))}
          </nav>
        </div>
      </div>
      <Outlet />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;

export const action = orgRouteWithoutPosts;
