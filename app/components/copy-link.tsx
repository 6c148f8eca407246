import { useI18n } from "~/utils/use-i18n";

/**
 * The link is always shown, selectable; the copy button appears only where /copy-link.js (loaded
 * by the root on every page) runs, so pages without React still get one-tap copying.
 */
export function CopyLink({ url, label, id = "share-url" }: { url: string; label: string; id?: string }) {
  const { t } = useI18n();
  return (
    <div className="mt-3">
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
      </label>
      <div className="mt-1 flex flex-col gap-2 sm:flex-row">
        <input
          id={id}
          readOnly
          value={url}
          className="min-h-11 w-full rounded-lg border border-line bg-white px-3 font-mono text-sm"
        />
        <button type="button" data-copy-target={id} data-copied={t("copy.done")} className="btn btn-secondary shrink-0">
          {t("copy.button")}
        </button>
      </div>
      <p role="status" data-copy-status={id} className="mt-1 min-h-6 text-sm font-semibold text-primary-strong" />
    </div>
  );
}
