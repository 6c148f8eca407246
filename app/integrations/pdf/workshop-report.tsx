/** The workshop report: who took part, how the room rated each capability, and what was agreed. */
import { Document, Text, View } from "@react-pdf/renderer";
import { formatters, type Formatters } from "./format";
import { Contents, Distribution, LevelChip, ReportPage, SectionStart, ShareBar, styles, Table, type Frame, type PageMap } from "./kit";
import type { WorkshopCapability, WorkshopReportData } from "./report-data";
import { ACCENT, ACCENT_SOFT, INK_SOFT, PRIMARY, PRIMARY_SOFT } from "./theme";

/** The sections in their order, each with its title's key. */
const SECTIONS = {
  participation: "reports.ws.section.participation",
  votes: "reports.ws.section.votes",
  disagreements: "reports.ws.section.disagreements",
  consensus: "reports.ws.section.consensus",
} as const;

function VoteBlock({ cap, f }: { cap: WorkshopCapability; f: Formatters }) {
  return (
    <View wrap={false} style={[styles.row, { paddingVertical: 4, borderBottomWidth: 0.5, borderBottomColor: "#d6dde4", alignItems: "center" }]}>
      <View style={{ width: "30%" }}>
        <Text style={styles.bold}>{cap.name}</Text>
        <Text style={[styles.small, styles.muted]}>{f.t("reports.ws.ratingCount", { count: cap.votes })}</Text>
        {cap.disagreement ? <Text style={[styles.small, styles.flag]}>{f.t("reports.ws.disagreement")}</Text> : null}
      </View>
      <View style={{ width: "24%" }}>
        <Distribution counts={cap.distributionCurrent} />
      </View>
      <View style={{ width: "24%" }}>
        <Distribution counts={cap.distributionIdeal} dashed />
      </View>
      <View style={{ width: "22%" }}>
        <Text style={styles.small}>
          {f.t("reports.ws.medianLine", { current: f.number(cap.medianCurrent), ideal: f.number(cap.medianIdeal) })}
        </Text>
        <Text style={[styles.small, cap.disagreement ? styles.flag : styles.muted]}>{f.t("reports.ws.spreadLine", { current: cap.spreadCurrent, ideal: cap.spreadIdeal })}</Text>
      </View>
    </View>
  );
}

export function WorkshopReport({ data, pages, record }: { data: WorkshopReportData; pages: PageMap | null; record: (id: string, page: number) => void }) {
  const f = formatters(data.lang, data.strings);
  const frame: Frame = {
    report: f.t("reports.ws.title"),
    organization: data.organization.name,
    sections: Object.entries(SECTIONS).map(([id, key]) => ({ id, title: f.t(key) })),
    pages,
    record,
    pageOf: (page, total) => f.t("reports.pageOf", { page, total }),
  };
  const all = data.categories.flatMap((c) => c.capabilities.map((cap) => ({ ...cap, category: c.name })));
  const disagreements = all.filter((c) => c.disagreement);
  const agreed = all.filter((c) => c.consensus);
  const rated = (c: WorkshopCapability) => c.votes;
  return (
    <Document title={`${f.t("reports.ws.title")} · ${data.assessment.name} · ${data.organization.name}`} author="Madura" language={data.lang}>
      <ReportPage frame={frame}>
        <View style={{ marginTop: 40, borderLeftWidth: 4, borderLeftColor: PRIMARY, paddingLeft: 14 }}>
          <Text style={{ fontSize: 11, color: PRIMARY, fontWeight: 700, letterSpacing: 1 }}>{f.t("reports.ws.title").toUpperCase()}</Text>
          <Text style={{ fontSize: 26, fontWeight: 700, marginTop: 6, lineHeight: 1.2 }}>{data.assessment.name}</Text>
          <Text style={{ fontSize: 13, color: INK_SOFT, marginTop: 4 }}>{data.organization.name}</Text>
        </View>
        <View style={{ marginTop: 24, marginBottom: 24 }}>
          <Text>{f.t("reports.cover.date", { date: f.date(data.generatedOn) })}</Text>
          <Text>{f.t(data.assessment.mode === "workshop" ? "reports.ws.modeWorkshop" : "reports.ws.modeSolo")}</Text>
          <Text>{data.assessment.lockedOn ? f.t("reports.cover.lockedOn", { date: f.date(data.assessment.lockedOn) }) : f.t("reports.cover.open")}</Text>
        </View>
        <Contents frame={frame} title={f.t("reports.contents")} />
      </ReportPage>
      <ReportPage frame={frame} section={frame.sections[0]!}>
        <SectionStart section={frame.sections[0]!} lead={f.t("reports.ws.participation.lead")} />
        <View style={[styles.row, { gap: 12, marginBottom: 10 }]}>
          {[
            [f.t("reports.ws.joined"), data.participants],
            [f.t("reports.ws.voted"), data.voters],
            [f.t("reports.ws.disagreements"), disagreements.length],
            [f.t("reports.ws.agreed"), agreed.length],
          ].map(([label, value]) => (
            <View key={String(label)} style={{ backgroundColor: PRIMARY_SOFT, padding: 8, borderRadius: 3, width: "23%" }}>
              <Text style={{ fontSize: 18, fontWeight: 700, color: PRIMARY, lineHeight: 1.2 }}>{String(value)}</Text>
              <Text style={styles.small}>{label}</Text>
            </View>
          ))}
        </View>
        <Table
          columns={[
            { header: f.t("reports.capability"), width: "44%", cell: (c) => c.name },
            { header: f.t("reports.category"), width: "24%", cell: (c) => <Text style={styles.small}>{c.category}</Text> },
            { header: f.t("reports.ws.ratedBy"), width: "12%", align: "right", cell: (c) => String(rated(c)) },
            { header: "", width: "20%", cell: (c) => <ShareBar share={data.participants ? rated(c) / data.participants : 0} width={80} /> },
          ]}
          rows={all}
        />
      </ReportPage>
      <ReportPage frame={frame} section={frame.sections[1]!}>
        <SectionStart section={frame.sections[1]!} lead={f.t("reports.ws.votes.lead")} />
        {data.categories.map((category) => (
          <View key={category.key}>
            <View style={[styles.row, { marginTop: 8 }]} minPresenceAhead={60}>
              <Text style={[styles.h2, { width: "54%", marginTop: 0 }]}>{category.name}</Text>
              <Text style={[styles.small, styles.muted, { width: "24%" }]}>{f.t("reports.ws.currentVotes")}</Text>
              <Text style={[styles.small, styles.muted, { width: "22%" }]}>{f.t("reports.ws.targetVotes")}</Text>
            </View>
            {category.capabilities.map((cap) => (
              <VoteBlock key={cap.key} cap={cap} f={f} />
            ))}
          </View>
        ))}
      </ReportPage>
      <ReportPage frame={frame} section={frame.sections[2]!}>
        <SectionStart section={frame.sections[2]!} lead={f.t("reports.ws.disagreements.lead")} />
        {disagreements.length === 0 ? <Text style={styles.muted}>{f.t("reports.ws.disagreements.none")}</Text> : null}
        {disagreements.map((cap) => (
          <View key={cap.key} style={[styles.card, { backgroundColor: ACCENT_SOFT, borderColor: ACCENT }]} wrap={false}>
            <Text style={styles.bold}>
              {cap.name} <Text style={[styles.small, styles.muted]}>· {cap.category}</Text>
            </Text>
            <Text style={styles.small}>{f.t("reports.ws.spreadLine", { current: cap.spreadCurrent, ideal: cap.spreadIdeal })}</Text>
            {cap.comments.length ? (
              <View style={{ marginTop: 3 }}>
                {cap.comments.slice(0, 6).map((comment, i) => (
                  <Text key={i} style={styles.small}>
                    “{comment}”
                  </Text>
                ))}
              </View>
            ) : null}
          </View>
        ))}
      </ReportPage>
      <ReportPage frame={frame} section={frame.sections[3]!}>
        <SectionStart section={frame.sections[3]!} lead={f.t(agreed.length ? "reports.ws.consensus.lead" : "reports.ws.consensus.none")} />
        {agreed.length ? (
          <Table
            columns={[
              {
                header: f.t("reports.capability"),
                width: "34%",
                cell: (c) => (
                  <View>
                    <Text style={styles.bold}>{c.name}</Text>
                    <Text style={[styles.small, styles.muted]}>{c.category}</Text>
                  </View>
                ),
              },
              { header: f.t("reports.current"), width: "9%", align: "center", cell: (c) => <LevelChip level={c.consensus!.current} /> },
              { header: f.t("reports.target"), width: "9%", align: "center", cell: (c) => <LevelChip level={c.consensus!.ideal} dashed /> },
              { header: f.t("reports.importance"), width: "10%", align: "right", cell: (c) => String(c.consensus!.importance) },
              { header: f.t("reports.ws.rationale"), width: "38%", cell: (c) => <Text style={styles.small}>{c.consensus!.rationale || "–"}</Text> },
            ]}
            rows={agreed}
          />
        ) : null}
      </ReportPage>
    </Document>
  );
}
