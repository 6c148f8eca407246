import { DataTable } from "./data-table";
import type { Standing } from "~/domain/peer-benchmark";
import type { PeerBenchmarkView } from "~/services/gap-analysis.server";
import type { MessageKey } from "~/utils/i18n";
import { useI18n } from "~/utils/use-i18n";

const STANDING: Record<Standing, MessageKey> = {
  bottom: "gaps.peers.standing.bottom",
  "lower-middle": "gaps.peers.standing.lowerMiddle",
  "upper-middle": "gaps.peers.standing.upperMiddle",
  top: "gaps.peers.standing.top",
};

/** Index 1–4 as a share of the strip's width. */
const x = (value: number) => `${((value - 1) / 3) * 100}%`;

/**
 * Each category's index beside the quartiles of the consultant's other clients, anonymous and only
 * from five organizations up: a strip per category (the range faint, the middle half solid, the
 * median a line, this organization a dot) and the same figures in words.
 */
export function PeerBenchmark({ benchmark }: { benchmark: PeerBenchmarkView }) {
  const { t, number } = useI18n();
  if (!benchmark.included || !benchmark.categories) return null;
  const n = (value: number | null | undefined) => (value === null || value === undefined ? "—" : number(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
  const peers = Math.max(...benchmark.categories.map((c) => c.peers));
  return (
    <section className="card space-y-4 p-6" aria-labelledby="peers-title" data-testid="peer-benchmark" data-peers={peers}>
      <div>
        <h2 id="peers-title" className="text-xl font-bold">
          {t("gaps.peers.title")}
        </h2>
        <p className="text-ink-soft">{t("gaps.peers.explain", { count: peers })}</p>
      </div>
      <DataTable
        stack
        rows={benchmark.categories}
        rowKey={(c) => c.key}
        rowProps={(c) => ({ "data-peer-category": c.key, "data-standing": c.standing ?? "" })}
        columns={[
          { key: "category", header: t("gaps.peers.col.category"), rowHeader: true, cell: (c) => <span className="font-semibold">{c.name}</span> },
          { key: "current", header: t("gaps.peers.col.this"), align: "end", className: "tabular-nums font-semibold", cell: (c) => n(c.current) },
          { key: "q1", header: t("gaps.peers.col.q1"), align: "end", className: "tabular-nums", cell: (c) => n(c.quartiles?.q1) },
          { key: "median", header: t("gaps.peers.col.median"), align: "end", className: "tabular-nums", cell: (c) => n(c.quartiles?.median) },
          { key: "q3", header: t("gaps.peers.col.q3"), align: "end", className: "tabular-nums", cell: (c) => n(c.quartiles?.q3) },
          {
            key: "strip",
            header: t("gaps.peers.col.strip"),
            cell: (c) =>
              c.quartiles ? (
                <span className="relative block h-5 min-w-32" aria-hidden="true">
                  <span className="absolute top-2 h-1 rounded bg-line" style={{ left: x(c.quartiles.min), width: `calc(${x(c.quartiles.max)} - ${x(c.quartiles.min)})` }} />
                  <span className="absolute top-1 h-3 rounded bg-primary-soft ring-1 ring-primary" style={{ left: x(c.quartiles.q1), width: `calc(${x(c.quartiles.q3)} - ${x(c.quartiles.q1)})` }} />
                  <span className="absolute top-0 h-5 w-0.5 bg-primary" style={{ left: x(c.quartiles.median) }} />
                  {c.current !== null ? <span className="absolute top-1 size-3 -translate-x-1/2 rounded-full border-2 border-white bg-ink" style={{ left: x(c.current) }} /> : null}
                </span>
              ) : null,
          },
          { key: "standing", header: t("gaps.peers.col.standing"), cell: (c) => (c.standing ? t(STANDING[c.standing]) : t("gaps.peers.standing.none")) },
        ]}
      />
    </section>
  );
}
