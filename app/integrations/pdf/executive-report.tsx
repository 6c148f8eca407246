/** The executive report: what a board reads about its organization's customer-experience maturity. */
import { Document, Text, View } from "@react-pdf/renderer";
import { formatters, type Formatters } from "./format";
import { Contents, Legend, LevelChip, MiniChart, Radar, RadarKey, ReportPage, SectionStart, ShareBar, styles, Table, type Frame, type PageMap } from "./kit";
import type { ExecutiveReportData, ReportCapability } from "./report-data";
import { ACCENT, INK_SOFT, LINE, PRIMARY, PRIMARY_SOFT } from "./theme";

/** The sections in their order, each with its title's key (literal keys: the dictionary test finds them). */
const SECTIONS = {
  quiz: "reports.exec.section.quiz",
  maturity: "reports.exec.section.maturity",
  gaps: "reports.exec.section.gaps",
  priorities: "reports.exec.section.priorities",
  initiatives: "reports.exec.section.initiatives",
  calendar: "reports.exec.section.calendar",
  metrics: "reports.exec.section.metrics",
  changes: "reports.exec.section.changes",
} as const;

const CALENDAR_KINDS = { review: "reports.exec.calendar.review", target: "reports.exec.calendar.target", reassessment: "reports.exec.calendar.reassessment" } as const;

export function executiveSections(f: Formatters) {
  return Object.entries(SECTIONS).map(([id, key]) => ({ id, title: f.t(key) }));
}

function Delta({ f, value }: { f: Formatters; value: number | null }) {
  if (value === null) return <Text style={styles.muted}>–</Text>;
  const word = value > 0 ? f.t("reports.up") : value < 0 ? f.t("reports.down") : f.t("reports.same");
  return (
    <Text style={value < 0 ? { color: ACCENT } : undefined}>
      {f.delta(value)} ({word})
    </Text>
  );
}

function Cover({ data, f, frame }: { data: ExecutiveReportData; f: Formatters; frame: Frame }) {
  return (
    <ReportPage frame={frame}>
      <View style={{ marginTop: 40, borderLeftWidth: 4, borderLeftColor: PRIMARY, paddingLeft: 14 }}>
        <Text style={{ fontSize: 11, color: PRIMARY, fontWeight: 700, letterSpacing: 1 }}>{f.t("reports.exec.kicker").toUpperCase()}</Text>
        <Text style={{ fontSize: 28, fontWeight: 700, marginTop: 6, lineHeight: 1.2 }}>{data.organization.name}</Text>
        {data.organization.industry ? <Text style={{ fontSize: 12, color: INK_SOFT, marginTop: 6 }}>{data.organization.industry}</Text> : null}
        <Text style={{ fontSize: 14, marginTop: 18 }}>{f.t("reports.exec.title")}</Text>
      </View>
      <View style={{ marginTop: 28, marginBottom: 24 }}>
        <Text>{f.t("reports.cover.date", { date: f.date(data.generatedOn) })}</Text>
        {data.consultants.length ? <Text>{f.t("reports.cover.consultants", { names: data.consultants.join(", ") })}</Text> : null}
        {data.assessment ? (
          <Text>
            {f.t("reports.cover.assessment", { name: data.assessment.name })}
            {data.assessment.lockedOn ? ` · ${f.t("reports.cover.lockedOn", { date: f.date(data.assessment.lockedOn) })}` : ` · ${f.t("reports.cover.open")}`}
          </Text>
        ) : null}
      </View>
      <View style={{ backgroundColor: PRIMARY_SOFT, padding: 12, borderRadius: 3, marginBottom: 20, flexDirection: "row", gap: 24 }}>
        <View>
          <Text style={styles.muted}>{f.t("reports.exec.indexNow")}</Text>
          <Text style={{ fontSize: 22, fontWeight: 700, color: PRIMARY, lineHeight: 1.2 }}>{f.index(data.overall.current)}</Text>
        </View>
        <View>
          <Text style={styles.muted}>{f.t("reports.exec.indexTarget")}</Text>
          <Text style={{ fontSize: 22, fontWeight: 700, lineHeight: 1.2 }}>{f.index(data.overall.ideal)}</Text>
        </View>
        <View>
          <Text style={styles.muted}>{f.t("reports.exec.sincePrevious")}</Text>
          <Text style={{ fontSize: 14, marginTop: 6 }}>
            {data.overall.previousCurrent === null || data.overall.current === null ? "–" : f.delta(data.overall.current - data.overall.previousCurrent)}
          </Text>
        </View>
      </View>
      <Contents frame={frame} title={f.t("reports.contents")} />
    </ReportPage>
  );
}

function QuizSection({ data, f, frame }: { data: ExecutiveReportData; f: Formatters; frame: Frame }) {
  const { quiz } = data;
  const max = Math.max(1, ...quiz.byScore.map((s) => s.count));
  return (
    <ReportPage frame={frame} section={frame.sections[0]!}>
      <SectionStart section={frame.sections[0]!} lead={f.t("reports.exec.quiz.lead")} />
      {quiz.total === 0 ? (
        <Text style={styles.muted}>{f.t("reports.exec.quiz.none")}</Text>
      ) : (
        <>
          <Text style={{ marginBottom: 6 }}>{f.t("reports.exec.quiz.summary", { count: quiz.total, average: f.index(quiz.average) })}</Text>
          <Table
            columns={[
              { header: f.t("reports.exec.quiz.band"), width: "38%", cell: (b) => <Text style={styles.bold}>{b.name}</Text> },
              { header: f.t("reports.exec.quiz.range"), width: "14%", cell: (b) => b.range },
              { header: f.t("reports.exec.quiz.people"), width: "12%", align: "right", cell: (b) => String(b.count) },
              { header: "", width: "36%", cell: (b) => <ShareBar share={b.count / quiz.total} width={150} /> },
            ]}
            rows={quiz.byBand}
          />
          <Text style={styles.h2}>{f.t("reports.exec.quiz.byScore")}</Text>
          <View style={[styles.row, { alignItems: "flex-end", height: 90, gap: 6 }]}>
            {quiz.byScore.map((s) => (
              <View key={s.score} style={{ width: 32, alignItems: "center" }}>
                <Text style={styles.small}>{s.count || ""}</Text>
                <View style={{ width: 22, height: Math.max(1, (s.count / max) * 60), backgroundColor: s.count ? PRIMARY : LINE }} />
                <Text style={[styles.small, styles.muted]}>{s.score}</Text>
              </View>
            ))}
          </View>
        </>
      )}
    </ReportPage>
  );
}

function MaturitySection({ data, f, frame }: { data: ExecutiveReportData; f: Formatters; frame: Frame }) {
  const legend = <Legend current={f.t("reports.current")} target={f.t("reports.target")} />;
  const capabilityAxes = data.categories.flatMap((c) => c.capabilities.map((cap) => ({ label: cap.name, current: cap.current, ideal: cap.ideal })));
  return (
    <ReportPage frame={frame} section={frame.sections[1]!}>
      <SectionStart section={frame.sections[1]!} lead={data.assessment ? f.t(data.assessment.source === "consensus" ? "reports.exec.maturity.leadLocked" : "reports.exec.maturity.leadOpen", { name: data.assessment.name }) : f.t("reports.exec.noAssessment")} />
      {data.assessment ? (
        <>
          <Table
            columns={[
              { header: f.t("reports.category"), width: "40%", cell: (c) => <Text style={styles.bold}>{c.name}</Text> },
              { header: f.t("reports.current"), width: "15%", align: "right", cell: (c) => f.index(c.current) },
              { header: f.t("reports.target"), width: "15%", align: "right", cell: (c) => f.index(c.ideal) },
              { header: f.t("reports.change"), width: "30%", align: "right", cell: (c) => <Delta f={f} value={c.previousCurrent === null || c.current === null ? null : c.current - c.previousCurrent} /> },
            ]}
            rows={[...data.categories, { key: "overall", name: f.t("reports.overall"), current: data.overall.current, ideal: data.overall.ideal, previousCurrent: data.overall.previousCurrent, capabilities: [] }]}
          />
          <View wrap={false} style={{ marginTop: 10 }}>
            <Text style={styles.h2}>{f.t("reports.exec.maturity.radarCategories")}</Text>
            {legend}
            <View style={{ alignItems: "center" }}>
              <Radar axes={data.categories.map((c) => ({ label: c.name, current: c.current, ideal: c.ideal }))} size={210} width={500} labelChars={40} />
            </View>
          </View>
          <View wrap={false} style={{ marginTop: 6 }}>
            <Text style={styles.h2}>{f.t("reports.exec.maturity.radarCapabilities")}</Text>
            {legend}
            <View style={{ alignItems: "center" }}>
              <Radar axes={capabilityAxes} size={270} width={500} numbered />
            </View>
            <RadarKey labels={capabilityAxes.map((a) => a.label)} columns={3} />
          </View>
        </>
      ) : null}
    </ReportPage>
  );
}

function GapSection({ data, f, frame }: { data: ExecutiveReportData; f: Formatters; frame: Frame }) {
  const rows = data.categories.flatMap((c) => c.capabilities.map((cap) => ({ ...cap, category: c.name })));
  return (
    <ReportPage frame={frame} section={frame.sections[2]!}>
      <SectionStart section={frame.sections[2]!} lead={f.t("reports.exec.gaps.lead")} />
      {data.assessment ? (
        <Table<ReportCapability & { category: string }>
          columns={[
            { header: f.t("reports.capability"), width: "37%", cell: (r) => <Text style={styles.bold}>{r.name}</Text> },
            { header: f.t("reports.category"), width: "20%", cell: (r) => <Text style={styles.small}>{r.category}</Text> },
            { header: f.t("reports.current"), width: "9%", align: "center", cell: (r) => <LevelChip level={r.current} /> },
            { header: f.t("reports.target"), width: "9%", align: "center", cell: (r) => <LevelChip level={r.ideal} dashed /> },
            { header: f.t("reports.gap"), width: "7%", align: "right", cell: (r) => <Text style={r.gap && r.gap >= 2 ? styles.flag : undefined}>{f.number(r.gap)}</Text> },
            { header: f.t("reports.importance"), width: "9%", align: "right", cell: (r) => String(r.importance) },
            { header: f.t("reports.priority"), width: "9%", align: "right", cell: (r) => <Text style={styles.bold}>{f.number(r.priority)}</Text> },
          ]}
          rows={rows}
        />
      ) : (
        <Text style={styles.muted}>{f.t("reports.exec.noAssessment")}</Text>
      )}
    </ReportPage>
  );
}

function PrioritySection({ data, f, frame }: { data: ExecutiveReportData; f: Formatters; frame: Frame }) {
  return (
    <ReportPage frame={frame} section={frame.sections[3]!}>
      <SectionStart section={frame.sections[3]!} lead={f.t("reports.exec.priorities.lead")} />
      {data.priorities.length === 0 ? <Text style={styles.muted}>{f.t("reports.exec.priorities.none")}</Text> : null}
      {data.priorities.map((p, i) => (
        <View key={i} style={styles.card} wrap={false}>
          <View style={[styles.row, { justifyContent: "space-between" }]}>
            <Text style={[styles.bold, { fontSize: 11 }]}>
              {i + 1}. {p.name}
            </Text>
            <Text style={styles.flag}>{f.t("reports.exec.priorities.score", { priority: p.priority, gap: p.gap, importance: p.importance })}</Text>
          </View>
          <Text style={styles.muted}>{p.category}</Text>
          <View style={[styles.row, { alignItems: "center", marginTop: 4, gap: 4 }]}>
            <Text>{f.t("reports.current")}</Text>
            <LevelChip level={p.current} />
            <Text style={{ marginLeft: 8 }}>{f.t("reports.target")}</Text>
            <LevelChip level={p.ideal} dashed />
          </View>
          {p.nextLevel ? (
            <Text style={{ marginTop: 4 }}>
              <Text style={styles.bold}>{f.t("reports.exec.priorities.nextLevel", { level: p.current + 1 })} </Text>
              {p.nextLevel}
            </Text>
          ) : null}
        </View>
      ))}
    </ReportPage>
  );
}

function InitiativeSection({ data, f, frame }: { data: ExecutiveReportData; f: Formatters; frame: Frame }) {
  return (
    <ReportPage frame={frame} section={frame.sections[4]!}>
      <SectionStart section={frame.sections[4]!} lead={f.t("reports.exec.initiatives.lead")} />
      {data.initiatives.length === 0 ? (
        <Text style={styles.muted}>{f.t("reports.exec.initiatives.none")}</Text>
      ) : (
        <Table
          columns={[
            {
              header: f.t("reports.initiative"),
              width: "36%",
              cell: (i) => (
                <View>
                  <Text style={styles.bold}>{i.title}</Text>
                  <Text style={[styles.small, styles.muted]}>{i.capabilities.join(" · ")}</Text>
                </View>
              ),
            },
            { header: f.t("reports.owner"), width: "16%", cell: (i) => i.owner || "–" },
            { header: f.t("reports.status"), width: "12%", cell: (i) => i.statusLabel },
            { header: f.t("reports.priority"), width: "8%", align: "right", cell: (i) => i.priorityLabel },
            { header: f.t("reports.start"), width: "14%", cell: (i) => f.shortDate(i.start) },
            { header: f.t("reports.targetDate"), width: "14%", cell: (i) => f.shortDate(i.target) },
          ]}
          rows={data.initiatives}
        />
      )}
    </ReportPage>
  );
}

function CalendarSection({ data, f, frame }: { data: ExecutiveReportData; f: Formatters; frame: Frame }) {
  return (
    <ReportPage frame={frame} section={frame.sections[5]!}>
      <SectionStart section={frame.sections[5]!} lead={f.t("reports.exec.calendar.lead")} />
      {data.calendar.map((month) => (
        <View key={month.month} wrap={false} style={[styles.row, { borderBottomWidth: 0.5, borderBottomColor: LINE, paddingVertical: 4 }]}>
          <Text style={[styles.bold, { width: "24%" }]}>{f.month(month.month)}</Text>
          <View style={{ width: "76%" }}>
            {month.items.length === 0 ? <Text style={styles.muted}>–</Text> : null}
            {month.items.map((item, i) => (
              <Text key={i}>
                <Text style={{ color: INK_SOFT }}>{f.shortDate(item.date)} · </Text>
                <Text style={item.kind === "reassessment" ? styles.bold : undefined}>{f.t(CALENDAR_KINDS[item.kind], { title: item.title })}</Text>
              </Text>
            ))}
          </View>
        </View>
      ))}
    </ReportPage>
  );
}

function MetricSection({ data, f, frame }: { data: ExecutiveReportData; f: Formatters; frame: Frame }) {
  return (
    <ReportPage frame={frame} section={frame.sections[6]!}>
      <SectionStart section={frame.sections[6]!} lead={f.t("reports.exec.metrics.lead")} />
      {data.metrics.length === 0 ? <Text style={styles.muted}>{f.t("reports.exec.metrics.none")}</Text> : null}
      {data.metrics.length ? (
        <View style={[styles.row, { marginBottom: 6 }]}>
          <Legend current={f.t("reports.exec.metrics.values")} target={f.t("reports.target")} />
        </View>
      ) : null}
      <View style={[styles.row, { flexWrap: "wrap", justifyContent: "space-between" }]}>
        {data.metrics.map((m, i) => (
          <View key={i} style={[styles.card, { width: "48.5%" }]} wrap={false}>
            <Text style={styles.bold}>{m.name}</Text>
            <Text style={[styles.small, styles.muted]}>
              {f.t(m.kind === "business" ? "reports.exec.metrics.business" : "reports.exec.metrics.operational")} · {m.unit}
            </Text>
            <View style={{ marginVertical: 4 }}>
              {m.values.length ? <MiniChart values={m.values} target={m.target} baseline={m.baseline} width={232} /> : <Text style={styles.muted}>{f.t("reports.exec.metrics.noValues")}</Text>}
            </View>
            <Text style={styles.small}>
              {f.t("reports.exec.metrics.line", { latest: f.measure(m.latest, m.unit), target: f.measure(m.target, m.unit), date: f.shortDate(m.targetDate), baseline: f.measure(m.baseline, m.unit) })}
            </Text>
            <Text style={[styles.small, styles.bold, m.status === "on-track" ? { color: PRIMARY } : m.status === "no-data" ? styles.muted : { color: ACCENT }]}>{m.statusLabel}</Text>
          </View>
        ))}
      </View>
    </ReportPage>
  );
}

function ChangesSection({ data, f, frame }: { data: ExecutiveReportData; f: Formatters; frame: Frame }) {
  const { changes } = data;
  const moved = data.categories.flatMap((c) => c.capabilities).filter((cap) => cap.previous && cap.current !== null && cap.previous.current !== null && cap.current !== cap.previous.current);
  return (
    <ReportPage frame={frame} section={frame.sections[7]!}>
      <SectionStart section={frame.sections[7]!} lead={changes.previous ? f.t("reports.exec.changes.lead", { name: changes.previous.name, date: f.date(changes.previous.lockedOn) }) : f.t("reports.exec.changes.first")} />
      {changes.previous ? (
        <>
          <Text style={styles.h2}>{f.t("reports.exec.changes.index")}</Text>
          <Table
            columns={[
              { header: f.t("reports.category"), width: "40%", cell: (c) => c.name },
              { header: f.t("reports.before"), width: "15%", align: "right", cell: (c) => f.index(c.previousCurrent) },
              { header: f.t("reports.now"), width: "15%", align: "right", cell: (c) => f.index(c.current) },
              { header: f.t("reports.change"), width: "30%", align: "right", cell: (c) => <Delta f={f} value={c.previousCurrent === null || c.current === null ? null : c.current - c.previousCurrent} /> },
            ]}
            rows={[...data.categories, { key: "overall", name: f.t("reports.overall"), current: data.overall.current, ideal: data.overall.ideal, previousCurrent: data.overall.previousCurrent, capabilities: [] }]}
          />
          <Text style={styles.h2}>{f.t("reports.exec.changes.moved")}</Text>
          {moved.length === 0 ? <Text style={styles.muted}>{f.t("reports.exec.changes.noneMoved")}</Text> : null}
          {moved.map((cap) => (
            <View key={cap.key} style={[styles.row, { alignItems: "center", gap: 4, paddingVertical: 2 }]} wrap={false}>
              <Text style={{ width: "50%" }}>{cap.name}</Text>
              <LevelChip level={cap.previous!.current} />
              <Text>{" > "}</Text>
              <LevelChip level={cap.current} />
              <Text style={[styles.small, cap.current! < cap.previous!.current! ? { color: ACCENT } : styles.muted]}>{cap.current! > cap.previous!.current! ? f.t("reports.up") : f.t("reports.down")}</Text>
            </View>
          ))}
        </>
      ) : null}
      <Text style={styles.h2}>{f.t("reports.exec.changes.closed")}</Text>
      {changes.closed.length === 0 ? <Text style={styles.muted}>{f.t("reports.exec.changes.noneClosed")}</Text> : null}
      {changes.closed.map((c, i) => (
        <Text key={i}>
          {c.title} · <Text style={styles.bold}>{c.statusLabel}</Text>
        </Text>
      ))}
      <Text style={styles.h2}>{f.t("reports.exec.changes.reviews")}</Text>
      {changes.reviews.length === 0 ? <Text style={styles.muted}>{f.t("reports.exec.changes.noReviews")}</Text> : null}
      {changes.reviews.map((r, i) => (
        <Text key={i}>
          {f.shortDate(r.date)} · {r.title} · <Text style={styles.bold}>{r.decisionLabel}</Text>
        </Text>
      ))}
      <Text style={styles.h2}>{f.t("reports.exec.changes.feedback")}</Text>
      <Text>{f.t("reports.exec.changes.feedbackCounts", { positive: changes.feedback.positive, negative: changes.feedback.negative })}</Text>
    </ReportPage>
  );
}

export function ExecutiveReport({ data, pages, record }: { data: ExecutiveReportData; pages: PageMap | null; record: (id: string, page: number) => void }) {
  const f = formatters(data.lang, data.strings);
  const frame: Frame = {
    report: f.t("reports.exec.title"),
    organization: data.organization.name,
    sections: executiveSections(f),
    pages,
    record,
    pageOf: (page, total) => f.t("reports.pageOf", { page, total }),
  };
  return (
    <Document title={`${f.t("reports.exec.title")} · ${data.organization.name}`} author="Madura" language={data.lang}>
      <Cover data={data} f={f} frame={frame} />
      <QuizSection data={data} f={f} frame={frame} />
        <MaturitySection data={data} f={f} frame={frame} />
        <GapSection data={data} f={f} frame={frame} />
        <PrioritySection data={data} f={f} frame={frame} />
        <InitiativeSection data={data} f={f} frame={frame} />
        <CalendarSection data={data} f={f} frame={frame} />
        <MetricSection data={data} f={f} frame={frame} />
        <ChangesSection data={data} f={f} frame={frame} />
    </Document>
  );
}
