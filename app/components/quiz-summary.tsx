import { MAX_SCORE, type QuizSummary } from "~/domain/quiz";
import { wholePercents } from "~/domain/shares";
import { useI18n } from "~/utils/use-i18n";

type Props = { summary: QuizSummary; bandNames: Record<string, string>; questionTopics: Record<string, string> };

const BAR = ["bg-level-2", "bg-level-3", "bg-level-4"];

/**
 * The executives' distribution: bars drawn with plain HTML (no chart library, no JavaScript), each
 * labelled with its number, and the same figures in tables for screen readers and print.
 */
export function QuizSummaryPanel({ summary, bandNames, questionTopics }: Props) {
  const { t, number } = useI18n();
  const percent = (count: number) => (summary.total ? count / summary.total : 0);
  const shares = wholePercents(summary.byBand.map((band) => band.count));
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div>
        <dl className="flex gap-8">
          <div>
            <dt className="text-sm text-ink-soft">{t("org.quiz.responses")}</dt>
            <dd className="tabular text-3xl font-bold">{number(summary.total)}</dd>
          </div>
          <div>
            <dt className="text-sm text-ink-soft">{t("org.quiz.average")}</dt>
            <dd className="tabular text-3xl font-bold">
              {summary.average === null ? "—" : number(summary.average, { maximumFractionDigits: 1 })}
              {summary.average === null ? null : <span className="text-base font-normal text-ink-soft"> {t("org.quiz.outOf", { max: MAX_SCORE })}</span>}
            </dd>
          </div>
        </dl>
        <h3 className="mt-6 font-bold">{t("org.quiz.byBand")}</h3>
        <ul className="mt-2 space-y-2" aria-hidden="true">
          {summary.byBand.map((band, index) => (
            <li key={band.key} className="grid grid-cols-[9rem_1fr_3rem] items-center gap-2 text-sm">
              <span>{bandNames[band.key]}</span>
              <span className="h-5 rounded bg-paper">
                <span className={`block h-5 rounded ${BAR[index]}`} style={{ width: `${percent(band.count) * 100}%` }} />
              </span>
              <span className="tabular text-right">{number(band.count)}</span>
            </li>
          ))}
        </ul>
        {/* Hidden in a block: a table ignores .sr-only's 1 px width and overflow, and stretched the page sideways on a phone. */}
        <div className="sr-only">
          <table>
            <caption>{t("org.quiz.byBand")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("org.quiz.band")}</th>
                <th scope="col">{t("org.quiz.count")}</th>
                <th scope="col">{t("org.quiz.share")}</th>
              </tr>
            </thead>
            <tbody>
              {summary.byBand.map((band, index) => (
                <tr key={band.key}>
                  <th scope="row">{bandNames[band.key]}</th>
                  <td>{number(band.count)}</td>
                  <td>{number(shares[index]! / 100, { style: "percent" })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <div>
        <table className="w-full text-left text-sm">
          <caption className="text-left text-base font-bold">{t("org.quiz.byQuestion")}</caption>
          <thead className="text-ink-soft">
            <tr>
              <th scope="col" className="py-2 pr-2">{t("org.quiz.question")}</th>
              {["a", "b", "c", "d"].map((answer) => (
                <th key={answer} scope="col" className="px-2 py-2 text-right">
                  {answer.toUpperCase()}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {summary.byQuestion.map((question) => (
              <tr key={question.id} className="border-t border-line">
                <th scope="row" className="py-2 pr-2 font-normal">{questionTopics[question.id]}</th>
                {["a", "b", "c", "d"].map((answer) => {
                  const count = question.counts.find((c) => c.answer === answer)?.count;
                  return (
                    <td key={answer} className="tabular px-2 py-2 text-right">
                      {count === undefined ? "—" : number(count)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
