import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/charts/chart-figure";
import { textLink } from "@/components/form/styles";
import { PrintButton } from "@/components/print/print-button";
import { Section } from "@/components/section";
import { PeriodFigures } from "@/components/staff/period-figures";
import { requireTownScope } from "@/lib/auth/session";
import { evaluationSentence, type OutcomeCounts, REPORT_LINES, satisfactionText } from "@/lib/stats/aggregate";
import { loadReport, type Report } from "@/lib/stats/report/queries";
import { firstValues, parseReportFilters, toQuery } from "@/lib/stats/schema";
import { formatDate } from "@/lib/time";

export const metadata: Metadata = { title: "年度数据" };

type Search = Record<string, string | string[] | undefined>;

export default async function ReportPage({ searchParams }: { searchParams: Promise<Search> }) {
  const scope = await requireTownScope("/staff/report");
  const raw = firstValues(await searchParams);
  const parsed = parseReportFilters(raw);
  const report = parsed.ok ? await loadReport(scope, parsed.value) : null;
  const errors = parsed.ok ? {} : parsed.errors;
  const values: Record<string, string | undefined> = parsed.ok ? { ...parsed.value } : raw;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">年度数据</h1>
      <PeriodFigures values={values} errors={errors} reset="/staff/report">
        {report && <ReportBody report={report} />}
      </PeriodFigures>
    </div>
  );
}

function ReportBody({ report }: { report: Report }) {
  const { from, to } = report.filters;
  const items = (extra: { outcome?: string; venue?: string; lawyer?: string }) =>
    `/staff/report/items${toQuery({ from, to, ...extra })}`;
  const cellLinks = (counts: OutcomeCounts, scope: { venue?: string; lawyer?: string }, name: string) =>
    REPORT_LINES.map((line) => (
      <Link
        key={line.key}
        href={items({ ...scope, outcome: line.outcome })}
        className="text-brand-800 underline"
        aria-label={`${name} ${line.verb} ${counts[line.key]} ${line.unit}，查看明细`}
      >
        {counts[line.key]}
      </Link>
    ));
  const columns = [
    ...REPORT_LINES.map((l) => ({ label: `${l.verb}（${l.unit}）`, numeric: true })),
    { label: "群众评价（份）", numeric: true },
    { label: "满意度", numeric: true },
  ];
  const evaluated = (g: Report["byVenue"][number]) => [g.evaluations.total, satisfactionText(g.evaluations)];
  return (
    <>
      <Section id="summary" title={`${report.owner.government}：${formatDate(from)} 至 ${formatDate(to)}`} className="space-y-3">
        <p className="text-lg leading-relaxed">
          {report.owner.name}公共法律服务工作站和各村（社区）公共法律服务工作室
          {REPORT_LINES.map((line, i) => (
            <span key={line.key}>
              {i === 0 ? "" : "，"}
              {line.verb}{" "}
              <Link href={items({ outcome: line.outcome })} className="font-bold text-brand-800 underline">
                {report.totals[line.key]}
              </Link>{" "}
              {line.unit}
            </span>
          ))}
          。
        </p>
        <p className="text-lg leading-relaxed">{evaluationSentence(report.evaluations)}。</p>
        <p className="text-sm">
          接待服务对象 = 已完成的预约 +
          现场咨询；每项服务结果按记录了该结果的服务人次计（一次服务可有多项结果）。点数字查看背后的每一次服务。满意度 =（满意 +
          基本满意）÷ 评价份数，评价按咨询日期计入期间。
        </p>
        <div className="no-print flex flex-wrap items-center gap-4">
          <a href={`/api/staff/report/export${toQuery({ format: "xlsx", from, to })}`} className={textLink}>
            下载 Excel（XLSX）
          </a>
          <a href={`/api/staff/report/export${toQuery({ format: "csv", from, to })}`} className={textLink}>
            下载数字表（CSV）
          </a>
          <PrintButton />
        </div>
      </Section>
      <Section id="by-venue" title="按村居（服务地点）" className="space-y-2">
        <DataTable
          caption="各服务地点的数字（点数字查看明细）"
          columns={[{ label: "服务地点" }, ...columns]}
          rows={report.byVenue.map((v) => [v.name, ...cellLinks(v, { venue: v.id }, v.name), ...evaluated(v)])}
        />
      </Section>
      <Section id="by-lawyer" title="按律师" className="space-y-2">
        <DataTable
          caption="各律师的数字（点数字查看明细）"
          columns={[{ label: "律师" }, ...columns]}
          rows={report.byLawyer.map((l) => [l.name, ...cellLinks(l, { lawyer: l.id }, l.name), ...evaluated(l)])}
        />
      </Section>
      <VillageHoursSection hours={report.hours} />
    </>
  );
}

/** The 8-hour rule on actual time: each village's scheduled and attended hours over the period's months. */
function VillageHoursSection({ hours }: { hours: Report["hours"] }) {
  const span = `${hours.months[0]} 至 ${hours.months[hours.months.length - 1]}`;
  return (
    <Section id="village-hours" title={`各村驻村时长（每月不少于 ${hours.target} 小时）`} className="space-y-2">
      <p className="text-sm">
        按整月统计（{span}，共 {hours.months.length}{" "}
        个月）。签到在场是律师签到到签退的实际时间（忘了签退的，算到那次坐班结束）；达标月数是签到在场达到 {hours.target}{" "}
        小时的月数，斜线后是计入的月数：工作室开始服务以前的月份和还没过完的本月（未达到时）不计。每月明细见下载的 Excel。
      </p>
      <DataTable
        caption={`各村居工作室排班和签到在场时长（小时），${span}`}
        columns={[
          { label: "村居" },
          { label: "排班合计", numeric: true },
          { label: "签到在场合计", numeric: true },
          { label: "达标月数", numeric: true },
        ]}
        rows={hours.rows.map((r) => [r.village ?? r.name, r.scheduled, r.attended, `${r.monthsMet} / ${r.monthsCounted}`])}
      />
    </Section>
  );
}
