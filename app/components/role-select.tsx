import { forwardRef, type ComponentPropsWithoutRef } from "react";
import { ROLES } from "~/domain/roles";
import { useI18n } from "~/utils/use-i18n";
import { FieldError, useMessage } from "./forms";

type Props = Omit<ComponentPropsWithoutRef<"select">, "id"> & { id: string; label: string; defaultValue: string; visibleLabel?: boolean; error?: string };

/** The role picker; its label is visible where the form has room, read aloud everywhere. */
export const RoleSelect = forwardRef<HTMLSelectElement, Props>(function RoleSelect({ id, label, defaultValue, visibleLabel = false, error, name = "role", ...select }, ref) {
  const { t } = useI18n();
  const message = useMessage()(error);
  return (
    <>
      <label htmlFor={id} className={visibleLabel ? "block font-semibold" : "sr-only"}>
        {label}
      </label>
      <select
        {...select}
        ref={ref}
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-error` : undefined}
        className={`mt-1 block min-h-11 rounded-lg border bg-white px-3 ${message ? "border-2 border-danger" : "border-line"}`}
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`role.${role}`)}
          </option>
        ))}
      </select>
      <FieldError id={message ? `${id}-error` : undefined} message={message} />
    </>
  );
});
