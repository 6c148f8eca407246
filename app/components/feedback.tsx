import type { FeedbackSentiment } from "~/domain/metric.schema";
import type { MessageKey } from "~/utils/i18n";
import { useI18n } from "~/utils/use-i18n";

export { FEEDBACK_CHANNEL_LABELS as CHANNEL_LABELS } from "~/domain/metric.schema";

export const SENTIMENT_LABELS: Record<FeedbackSentiment, MessageKey> = { positive: "feedback.sentiment.positive", negative: "feedback.sentiment.negative" };

/** Positive or negative in a word and a sign, never by colour alone. */
export function SentimentTag({ sentiment }: { sentiment: FeedbackSentiment }) {
  const { t } = useI18n();
  const positive = sentiment === "positive";
  return (
    <span
      data-sentiment={sentiment}
      className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-sm font-semibold whitespace-nowrap ${positive ? "border-primary bg-primary-soft text-primary-strong" : "border-accent bg-accent-soft text-ink"}`}
    >
      <span aria-hidden="true">{positive ? "+" : "−"}</span>
      {t(SENTIMENT_LABELS[sentiment])}
    </span>
  );
}
