// 群众评价 on the dashboard: the counts and 满意度 per lawyer and per village (venue), and the
// comments, newest first, with who wrote them (name, masked phone) so staff can follow up.
import Link from "next/link";
import { DataTable } from "@/components/charts/chart-figure";
import { textLink } from "@/components/form/styles";
import { Section } from "@/components/section";
import type { EvaluationSummary, NamedCounts } from "@/lib/evaluations/queries";
import { satisfactionRate } from "@/lib/evaluations/rules";
import { EVALUATION_SOURCES, RESOLUTIONS, SATISFACTIONS } from "@/lib/labels";
import { formatPercent } from "@/lib/stats/aggregate";
import { formatDate, toDateString } from "@/lib/time";

const COLUMNS = [
  { label: "评价（份）", numeric: true },
  { label: "满意", numeric: true },
  { label: "基本满意", numeric: true },
  { label: "不满意", numeric: true },
  { label: "满意度", numeric: true },
  { label: "已解决", numeric: true },
  { label: "部分解决", numeric: true },
  { label: "未解决", numeric: true },
];

const cells = (c: NamedCounts) => [
  c.name,
  c.total,
  c.SATISFIED,
  c.BASICALLY_SATISFIED,
  c.DISSATISFIED,
  formatPercent(satisfactionRate(c)),
  c.SOLVED,
  c.PARTLY_SOLVED,
  c.UNSOLVED,
];

export function EvaluationSection({ summary }: { summary: EvaluationSummary }) {
  const t = summary.totals;
  return (
    <Section
      id="evaluations"
      title={`群众评价（${t.total} 份，满意度 ${formatPercent(satisfactionRate(t))}）`}
      className="space-y-3 rounded-xl border-2 border-gray-300 p-4"
    >
      <p>
        这段时间的咨询收到评价 {t.total} 份：满意 {t.SATISFIED} 份、基本满意 {t.BASICALLY_SATISFIED} 份、不满意 {t.DISSATISFIED}{" "}
        份；问题已解决 {t.SOLVED} 份、部分解决 {t.PARTLY_SOLVED} 份、未解决 {t.UNSOLVED} 份。满意度 =（满意 + 基本满意）÷
        评价份数。
      </p>
      <p className="no-print">
        <Link href="/staff/evaluations" className={textLink}>
          录入纸质评价表
        </Link>
      </p>
      <DataTable caption="各律师的评价" columns={[{ label: "律师" }, ...COLUMNS]} rows={summary.byLawyer.map(cells)} />
      <DataTable
        caption="各村居（服务地点）的评价"
        columns={[{ label: "服务地点" }, ...COLUMNS]}
        rows={summary.byVenue.map(cells)}
      />
      <h3 className="text-lg font-bold">意见和建议（{summary.commentCount} 条，最新的在前）</h3>
      {summary.comments.length === 0 ? (
        <p>这段时间没有写意见的评价。</p>
      ) : (
        <ol className="space-y-3">
          {summary.comments.map((c) => (
            <li key={c.id} className="space-y-1 rounded-lg border-2 border-gray-300 p-3">
              <p className="font-semibold">
                {SATISFACTIONS[c.satisfaction]} · {RESOLUTIONS[c.resolution]}
              </p>
              <p className="break-words">{c.comment}</p>
              <p className="text-gray-700">
                {c.lawyer} · {c.venue} · {c.name}
                {c.phone ? ` ${c.phone}` : ""} · 咨询于 {formatDate(toDateString(c.at))} · {EVALUATION_SOURCES[c.source]}
              </p>
            </li>
          ))}
        </ol>
      )}
      {summary.commentCount > summary.comments.length && (
        <p>只显示最新的 {summary.comments.length} 条；全部意见在“下载明细”的文件里。</p>
      )}
    </Section>
  );
}
