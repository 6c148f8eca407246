import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CopyLink } from "~/components/copy-link";
import { FormMessage, TextField } from "~/components/forms";
import { RoleSelect } from "~/components/role-select";
import { MemberActionSchema } from "~/domain/organization.schema";
import { listActiveInvites, revokeInvite } from "~/models/invite.server";
import { changeMember, listMembers } from "~/models/membership.server";
import { inviteMembers } from "~/services/invitations.server";
import { getEnv } from "~/utils/env.server";
import { parseForm, readFormData, type FieldErrors } from "~/utils/forms";
import { detectLang, type MessageKey } from "~/utils/i18n";
import { translate } from "~/utils/i18n.server";
import { requireOrgAccess } from "~/utils/permissions.server";
import { publicBaseUrl } from "~/utils/request.server";
import { useI18n } from "~/utils/use-i18n";
import { useValidatedForm } from "~/utils/use-validated-form";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, user } = await requireOrgAccess(request, params.orgId, "manage-members");
  return {
    title: `${translate(detectLang(request), "members.title")} · ${organization.name}`,
    currentUserId: user.id,
    emailConfigured: Boolean(getEnv().SMTP_URL),
    members: await listMembers(organization.id),
    invites: (await listActiveInvites(organization.id)).map((i) => ({ id: i.id, role: i.role, expiresAt: i.expiresAt.getTime() })),
  };
}

/** `fields` places a refused value at its field: which form (`intent`, and `userId` for a member's role) and which input. */
type Outcome = {
  message?: MessageKey;
  error?: MessageKey;
  inviteLink?: string;
  /** How many invitation emails were queued with the link. */
  emailed?: number;
  fields?: { intent: string; userId: string; errors: FieldErrors; values?: Record<string, string> };
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { organization, user } = await requireOrgAccess(request, params.orgId, "manage-members");
  const form = parseForm(MemberActionSchema, await readFormData(request));
  if (!form.ok) {
    const fields = { intent: form.values.intent ?? "", userId: form.values.userId ?? "", errors: form.errors, values: form.values };
    return data<Outcome>({ error: "form.error.invalidChoice", fields }, { status: 400 });
  }
  const input = form.data;
  switch (input.intent) {
    case "invite": {
      const { link, emailed } = await inviteMembers({
        organization,
        role: input.role,
        inviter: user,
        baseUrl: publicBaseUrl(request),
        emails: input.emails ?? [],
        emailConfigured: Boolean(getEnv().SMTP_URL),
      });
      return data<Outcome>({ message: "members.invite.created", inviteLink: link, emailed });
    }
    case "revoke":
      return await revokeInvite(organization.id, input.inviteId)
        ? data<Outcome>({ message: "members.invite.revoked" })
        : data<Outcome>({ error: "members.notFound" }, { status: 404 });
    case "role":
    case "remove": {
      const outcome = await changeMember(organization.id, input.userId, input.intent === "role" ? input.role : null);
      if (outcome === "last-consultant") return data<Outcome>({ error: "members.lastConsultant" }, { status: 409 });
      if (outcome === "not-found") return data<Outcome>({ error: "members.notFound" }, { status: 404 });
      return data<Outcome>({ message: input.intent === "role" ? "members.roleChanged" : "members.removed" });
    }
  }
}

export default function Members() {
  const { members, invites, currentUserId, emailConfigured } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, date } = useI18n();
  return (
    <div className="mx-auto max-w-6xl space-y-8 px-4 py-8">
      {result?.error && !placedAtField(result) ? <FormMessage tone="error">{t(result.error)}</FormMessage> : null}
      {result?.message ? <FormMessage tone="success">{result.emailed ? t("members.invite.emailed", { count: result.emailed }) : t(result.message)}</FormMessage> : null}

      <section className="card p-6" aria-labelledby="members-title">
        <h1 id="members-title" className="text-xl font-bold">{t("members.title")}</h1>
        <p className="mt-1 text-ink-soft">{t("members.lead")}</p>
        <ul className="mt-4 divide-y divide-line">
          {members.map((member) => (
            <li key={member.userId} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div>
                <p className="font-semibold">
                  {member.name} {member.userId === currentUserId ? <span className="text-sm font-normal text-ink-soft">({t("members.you")})</span> : null}
                </p>
                <p className="text-sm text-ink-soft">{member.email}</p>
              </div>
              <div className="flex flex-wrap items-center gap-2">
                <RoleForm
                  userId={member.userId}
                  label={t("members.roleFor", { name: member.name })}
                  role={member.role}
                  serverErrors={result?.fields?.intent === "role" && result.fields.userId === member.userId ? result.fields.errors : null}
                />
                <Form method="post">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="userId" value={member.userId} />
                  <button type="submit" className="btn btn-secondary text-danger" aria-label={t("members.removeFor", { name: member.name })}>
                    {t("members.remove")}
                  </button>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section className="card p-6" aria-labelledby="invite-title">
        <h2 id="invite-title" className="text-xl font-bold">{t("members.invite.title")}</h2>
        <p className="mt-1 text-ink-soft">{t("members.invite.lead")}</p>
        {result?.inviteLink ? <CopyLink id="invite-link" url={result.inviteLink} label={t("members.invite.linkLabel")} /> : null}
        <InviteForm
          serverErrors={result?.fields?.intent === "invite" ? result.fields.errors : null}
          emailsValue={result?.fields?.intent === "invite" ? (result.fields.values?.emails ?? "") : ""}
          emailConfigured={emailConfigured}
        />
        <h3 className="mt-6 font-bold">{t("members.invite.active")}</h3>
        {invites.length === 0 ? (
          <p className="mt-1 text-ink-soft">{t("members.invite.none")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-line">
            {invites.map((invite) => (
              <li key={invite.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                <span>{t("members.invite.expires", { role: t(`role.${invite.role}`), date: date(invite.expiresAt) })}</span>
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="inviteId" value={invite.id} />
                  <button type="submit" className="btn btn-secondary">{t("members.invite.revoke")}</button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;

/** A refused role shows at its select; anything else (a forged intent, a missing id) at the top. */
function placedAtField(result: Outcome): boolean {
  return Boolean((result.fields?.errors.role || result.fields?.errors.emails) && (result.fields.intent === "invite" || result.fields.intent === "role"));
}

function RoleForm({ userId, label, role, serverErrors }: { userId: string; label: string; role: string; serverErrors: FieldErrors | null }) {
  const { t } = useI18n();
  const form = useValidatedForm(MemberActionSchema, serverErrors);
  return (
    <Form method="post" className="flex flex-wrap items-center gap-2" {...form.formProps}>
      <input type="hidden" name="intent" value="role" />
      <input type="hidden" name="userId" value={userId} />
      <div>
        <RoleSelect {...form.field("role")} id={`role-${userId}`} label={label} defaultValue={role} />
      </div>
      <button type="submit" className="btn btn-secondary">{t("members.changeRole")}</button>
    </Form>
  );
}

function InviteForm({ serverErrors, emailsValue, emailConfigured }: { serverErrors: FieldErrors | null; emailsValue: string; emailConfigured: boolean }) {
  const { t } = useI18n();
  const form = useValidatedForm(MemberActionSchema, serverErrors);
  return (
    <Form method="post" className={emailConfigured ? "mt-4 max-w-xl space-y-4" : "mt-4 flex flex-wrap items-end gap-3"} {...form.formProps}>
      <input type="hidden" name="intent" value="invite" />
      <div>
        <RoleSelect {...form.field("role")} id="invite-role" label={t("members.invite.role")} defaultValue="program-owner" visibleLabel />
      </div>
      {emailConfigured ? (
        <div>
          <TextField {...form.field("emails")} label={t("members.invite.email")} hint={t("members.invite.emailHint")} type="text" inputMode="email" autoComplete="off" defaultValue={emailsValue} />
        </div>
      ) : null}
      <button type="submit" className="btn btn-primary">{t("members.invite.submit")}</button>
      {emailConfigured ? null : <p className="w-full text-sm text-ink-soft">{t("members.invite.noEmail")}</p>}
    </Form>
  );
}
