import { isMessageKey } from "~/utils/i18n";
import { useI18n } from "~/utils/use-i18n";

type Props = {
  question: { id: string; topic: string; prompt: string; answers: { key: string; label: string }[] };
  position: number;
  total: number;
  selected?: string;
  error?: string;
  /** Focus (and so scroll to) the first unanswered question after a failed post, without JavaScript. */
  autoFocus: boolean;
};

export function QuizQuestion({ question, position, total, selected, error, autoFocus }: Props) {
  const { t } = useI18n();
  const errorId = `${question.id}-error`;
  return (
    <fieldset
      id={question.id}
      className={`card p-5 sm:p-6 ${error ? "border-2 border-danger" : ""}`}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="float-left w-full">
        <span className="block text-sm font-semibold uppercase tracking-wide text-ink-soft">
          {t("quiz.progress", { n: position, total })}
        </span>
        <span className="mt-1 block text-xl font-bold">{question.topic}</span>
        <span className="mt-1 block text-base text-ink-soft">{question.prompt}</span>
      </legend>
      {error ? (
        <p id={errorId} className="clear-both pt-3 font-semibold text-danger">
          <span aria-hidden="true">⚠ </span>
          {isMessageKey(error) ? t(error) : error}
        </p>
      ) : null}
      <div className="clear-both space-y-3 pt-4">
        {question.answers.map((answer, index) => (
          <label
            key={answer.key}
            className="flex cursor-pointer items-start gap-3 rounded-lg border border-line p-4 hover:border-primary has-[:checked]:border-2 has-[:checked]:border-primary has-[:checked]:bg-primary-soft has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-primary"
          >
            <input
              type="radio"
              name={question.id}
              value={answer.key}
              defaultChecked={selected === answer.key}
              autoFocus={autoFocus && index === 0}
              className="mt-1 size-5 shrink-0 accent-primary"
            />
            <span className="text-base leading-snug">{answer.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
