import { forwardRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";
import { isMessageKey } from "~/utils/i18n";
import { readMessage } from "~/domain/messages";
import { useI18n } from "~/utils/use-i18n";

/** Server messages are i18n keys; anything else (already translated) is shown as it is. */
export function useMessage() {
  const { t } = useI18n();
  return (message: string | undefined) => {
    if (!message) return undefined;
    const { key, params } = readMessage(message);
    return isMessageKey(key) ? t(key, params) : message;
  };
}

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  error?: string;
  hint?: string;
};

/** A labelled input with its hint and its error tied to it for screen readers; the ref reaches the input. */
export const TextField = forwardRef<HTMLInputElement, FieldProps>(function TextField({ name, label, error, hint, id = name, className = "", ...input }, ref) {
  const message = useMessage()(error);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = message ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-sm text-ink-soft">
          {hint}
        </p>
      ) : null}
      <input
        ref={ref}
        id={id}
        name={name}
        aria-invalid={message ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={`mt-1 block min-h-11 w-full rounded-lg border bg-white px-3 py-2 ${message ? "border-2 border-danger" : "border-line"}`}
        {...input}
      />
      <FieldError id={errorId} message={message} />
    </div>
  );
});

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & { name: string; label: string; error?: string; children: ReactNode };

/** A labelled select with its error tied to it, like TextField; the ref reaches the select. */
export const SelectField = forwardRef<HTMLSelectElement, SelectProps>(function SelectField({ name, label, error, id = name, children, ...select }, ref) {
  const message = useMessage()(error);
  const errorId = message ? `${id}-error` : undefined;
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <select
        ref={ref}
        id={id}
        name={name}
        aria-invalid={message ? true : undefined}
        aria-describedby={errorId}
        className={`mt-1 block min-h-11 w-full rounded-lg border bg-white px-3 ${message ? "border-2 border-danger" : "border-line"}`}
        {...select}
      >
        {children}
      </select>
      <FieldError id={errorId} message={message} />
    </div>
  );
});

export function FieldError({ id, message }: { id?: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm font-semibold text-danger">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}

const TONES = {
  error: "border-danger bg-danger-soft text-danger",
  warning: "border-accent bg-accent-soft text-ink",
  success: "border-primary bg-primary-soft text-primary-strong",
} as const;

/** A form-level message: errors as alerts; warnings and confirmations as polite status. */
export function FormMessage({ tone, children }: { tone: keyof typeof TONES; children: ReactNode }) {
  const styles = TONES[tone];
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-lg border p-3 font-semibold ${styles}`}>
      {children}
    </div>
  );
}

/** Bots fill every field; people never see or reach this one. */
export function Honeypot() {
  return (
    <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
      <label>
        Website
        <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </label>
    </div>
  );
}
