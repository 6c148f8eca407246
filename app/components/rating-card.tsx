import type { LocalizedCapability } from "~/utils/content.server";
import { useMessage } from "./forms";
import { useI18n } from "~/utils/use-i18n";

type Props = {
  capability: LocalizedCapability;
  levelNames: string[];
  saved?: { current: number | null; ideal: number | null; comment: string };
  errors: Record<string, string>;
  disabled: boolean;
};

function LevelChoice({ name, legend, value, levelNames, error, disabled }: { name: string; legend: string; value: number | null | undefined; levelNames: string[]; error?: string; disabled: boolean }) {
  const message = useMessage()(error);
  const errorId = `${name}-error`;
  return (
    <fieldset className="mt-4" aria-describedby={message ? errorId : undefined}>
      <legend className="text-sm font-bold uppercase tracking-wide text-ink-soft">{legend}</legend>
      <div className="mt-2 grid grid-cols-4 gap-1.5">
        {levelNames.map((levelName, index) => (
          <label key={levelName} className="level-choice">
            <input type="radio" name={name} value={index + 1} defaultChecked={value === index + 1} disabled={disabled} className="sr-only" />
            <span className="tabular text-xl font-bold">{index + 1}</span>
            <span className="text-xs leading-tight">{levelName}</span>
          </label>
        ))}
      </div>
      {message ? (
        <p id={errorId} className="mt-1 text-sm font-semibold text-danger">
          <span aria-hidden="true">⚠ </span>
          {message}
        </p>
      ) : null}
    </fieldset>
  );
}

/** One capability on the participant's phone: what it is, today and goal, can't judge, a comment. */
export function RatingCard({ capability, levelNames, saved, errors, disabled }: Props) {
  const { t } = useI18n();
  const key = capability.key;
  const belowToday = saved?.current != null && saved.ideal != null && saved.ideal < saved.current;
  const skipped = saved !== undefined && saved.current === null && saved.ideal === null;
  return (
    <section id={key} className="card scroll-mt-24 p-4" aria-labelledby={`${key}-name`} data-rating-card>
      <h2 id={`${key}-name`} className="text-lg font-bold">
        {capability.name}
      </h2>
      <p className="mt-1 text-ink-soft">{capability.description}</p>
      <details className="mt-2">
        <summary className="cursor-pointer text-sm font-semibold text-primary-strong">{t("rate.levels")}</summary>
        <ol className="mt-2 space-y-1.5 text-sm">
          {capability.levels.map((text, index) => (
            <li key={index} className="flex gap-2">
              <span className="tabular font-bold">{index + 1}</span>
              <span>{text}</span>
            </li>
          ))}
        </ol>
      </details>
      <LevelChoice name={`${key}.current`} legend={t("rate.today")} value={saved?.current} levelNames={levelNames} error={errors[`${key}.current`]} disabled={disabled} />
      <LevelChoice name={`${key}.ideal`} legend={t("rate.goal")} value={saved?.ideal} levelNames={levelNames} error={errors[`${key}.ideal`]} disabled={disabled} />
      {belowToday ? (
        <p role="status" className="mt-3 rounded-lg border border-accent bg-accent-soft p-3 text-sm font-semibold">
          <span aria-hidden="true">⚠ </span>
          {t("rate.goalBelowToday")}
        </p>
      ) : null}
      {skipped ? <p className="mt-3 text-sm font-semibold text-ink-soft">{t("rate.skipped")}</p> : null}
      {/* Never pre-checked: the box means "clear my vote now", and tapping a level later must win. */}
      <label className="mt-3 flex min-h-11 cursor-pointer items-center gap-3">
        <input type="checkbox" name={`${key}.skip`} value="1" disabled={disabled} className="size-5 shrink-0 accent-primary" />
        <span>{t("rate.cantJudge")}</span>
      </label>
      <details className="mt-2" open={Boolean(saved?.comment)}>
        <summary className="cursor-pointer text-sm font-semibold text-primary-strong">{t("rate.comment")}</summary>
        <label htmlFor={`${key}-comment`} className="sr-only">
          {t("rate.commentFor", { name: capability.name })}
        </label>
        <textarea
          id={`${key}-comment`}
          name={`${key}.comment`}
          defaultValue={saved?.comment}
          maxLength={1000}
          rows={3}
          disabled={disabled}
          className="mt-2 block w-full rounded-lg border border-line bg-white p-2"
        />
      </details>
    </section>
  );
}
