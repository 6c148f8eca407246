import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Page } from "~/components/page";
import { acceptInvite, getUsableInvite } from "~/models/invite.server";
import { detectLang } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { getUser, requireUser } from "~/utils/session.server";
import { useI18n } from "~/utils/use-i18n";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }, { name: "robots", content: "noindex" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const usable = await getUsableInvite(params.token ?? "");
  const lang = detectLang(request);
  const user = await getUser(request);
  const path = new URL(request.url).pathname;
  return {
    i18n: messagesFor(request, ["organizations"]),
    title: `${translate(lang, usable ? "invite.title" : "invite.invalid.title")} · Madura`,
    invite: usable ? { organizationName: usable.organizationName, role: usable.invite.role } : null,
    signedIn: Boolean(user),
    redirectQuery: new URLSearchParams({ redirectTo: path }).toString(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const usable = await getUsableInvite(params.token ?? "");
  if (!usable) throw new Response("Not found", { status: 404 });
  await acceptInvite(usable.invite, user.id);
  return redirect(`/orgs/${usable.invite.organizationId}`, 303);
}

export default function InvitePage() {
  const { invite, signedIn, redirectQuery } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  if (!invite) {
    return (
      <Page title={t("invite.invalid.title")} width="max-w-xl">
        <p className="text-lg">{t("invite.invalid.text")}</p>
      </Page>
    );
  }
  const role = t(`role.${invite.role}`);
  return (
    <Page title={t("invite.title")} width="max-w-xl">
      <div className="card space-y-4 p-6">
        <p className="text-lg">{t("invite.text", { org: invite.organizationName, role })}</p>
        <p className="text-ink-soft">{t(`role.${invite.role}.text`)}</p>
        {signedIn ? (
          <Form method="post">
            <button type="submit" className="btn btn-primary">{t("invite.accept", { org: invite.organizationName })}</button>
          </Form>
        ) : (
          <div className="flex flex-wrap gap-3">
            <Link to={`/signup?${redirectQuery}`} className="btn btn-primary">{t("invite.signUp")}</Link>
            <Link to={`/login?${redirectQuery}`} className="btn btn-secondary">{t("invite.signIn")}</Link>
          </div>
        )}
      </div>
    </Page>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
