import { ROLES } from "~/domain/roles";
import { useI18n } from "~/utils/use-i18n";

/** The role picker; its label is visible where the form has room, read aloud everywhere. */
export function RoleSelect({ id, label, defaultValue, visibleLabel = false }: { id: string; label: string; defaultValue: string; visibleLabel?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <label htmlFor={id} className={visibleLabel ? "block font-semibold" : "sr-only"}>
        {label}
      </label>
      <select id={id} name="role" defaultValue={defaultValue} className="mt-1 block min-h-11 rounded-lg border border-line bg-white px-3">
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`role.${role}`)}
          </option>
        ))}
      </select>
    </>
  );
}
