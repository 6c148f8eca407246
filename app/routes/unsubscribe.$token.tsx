import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormMessage } from "~/components/forms";
import { Page } from "~/components/page";
import { getRecipientByToken, setOptedOut } from "~/models/outbox.server";
import { readFormData } from "~/utils/forms";
import { detectLang } from "~/utils/i18n";
import { messagesFor, translate } from "~/utils/i18n.server";
import { useI18n } from "~/utils/use-i18n";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => [{ title: data?.title ?? errorTitle(error, matches) }, { name: "robots", content: "noindex" }];

async function requireRecipient(token: string | undefined) {
  const recipient = token ? await getRecipientByToken(token) : null;
  if (!recipient) throw new Response("Not found", { status: 404 });
  return recipient;
}

/**
 * A recipient's opt-out, from the link in every reminder. Opening it changes nothing (mail scanners
 * open links); a POST does: the page's button, or a mail client's one click (RFC 8058: the body is
 * `List-Unsubscribe=One-Click`, without a session or an Origin).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const recipient = await requireRecipient(params.token);
  return {
    i18n: messagesFor(request, ["organizations"]),
    title: `${translate(detectLang(request), "unsubscribe.title")} · Madura`,
    email: recipient.email,
    optedOut: recipient.optedOut,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const recipient = await requireRecipient(params.token);
  const formData = await readFormData(request);
  const optOut = formData.get("intent") !== "resume";
  await setOptedOut(recipient.token, optOut);
  return data({ optedOut: optOut });
}

export default function Unsubscribe() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const optedOut = result?.optedOut ?? loaded.optedOut;
  return (
    <Page title={t("unsubscribe.title")} lead={t("unsubscribe.lead", { email: loaded.email })} width="max-w-2xl">
      <div className="card space-y-4 p-6" data-testid="unsubscribe" data-opted-out={optedOut ? "yes" : "no"}>
        {result ? <FormMessage tone="success">{t(result.optedOut ? "unsubscribe.done" : "unsubscribe.resumed")}</FormMessage> : null}
        <p>{t(optedOut ? "unsubscribe.stopped" : "unsubscribe.active")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value={optedOut ? "resume" : "stop"} />
          <button type="submit" className={optedOut ? "btn btn-secondary" : "btn btn-primary"}>
            {t(optedOut ? "unsubscribe.resume" : "unsubscribe.stop")}
          </button>
        </Form>
      </div>
    </Page>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
