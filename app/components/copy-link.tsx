import { useNonce } from "~/utils/nonce";
import { useI18n } from "~/utils/use-i18n";

/**
 * The link is always shown, selectable; the copy button appears only where /copy-link.js runs,
 * so a page without React still gets one-tap copying.
 */
export function CopyLink({ url }: { url: string }) {
  const { t } = useI18n();
  const nonce = useNonce();
  return (
    <div className="mt-3">
      <label htmlFor="share-url" className="text-sm font-semibold">
        {t("result.shareLinkLabel")}
      </label>
      <div className="mt-1 flex flex-col gap-2 sm:flex-row">
        <input
          id="share-url"
          readOnly
          value={url}
          className="min-h-11 w-full rounded-lg border border-line bg-white px-3 font-mono text-sm"
        />
        <button type="button" hidden data-copy-target="share-url" data-copied={t("result.copied")} className="btn btn-secondary shrink-0">
          {t("result.copy")}
        </button>
      </div>
      <p role="status" data-copy-status="share-url" className="mt-1 min-h-6 text-sm font-semibold text-primary-strong" />
      <script src="/copy-link.js" defer nonce={nonce} />
    </div>
  );
}
