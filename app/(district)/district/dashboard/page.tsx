import type { Metadata } from "next";
import { DataTable } from "@/components/charts/chart-figure";
import { textLink } from "@/components/form/styles";
import { Section } from "@/components/section";
import { PeriodFigures } from "@/components/staff/period-figures";
import { requireDistrictScope } from "@/lib/auth/session";
import { FIGURE_COLUMNS, figureCells } from "@/lib/stats/district/export";
import { type DistrictFigures, loadDistrictFigures } from "@/lib/stats/district/queries";
import { reportParagraph } from "@/lib/stats/export";
import { firstValues, parseReportFilters, toQuery } from "@/lib/stats/schema";
import { formatDate } from "@/lib/time";

export const metadata: Metadata = { title: "全区数据" };

type Search = Record<string, string | string[] | undefined>;

const columns = [{ label: "镇（街道）" }, ...FIGURE_COLUMNS.map((label) => ({ label, numeric: true }))];

/** The district's view across towns (issue 23 item 5): each town's and each village's figures, and lawyers' hours. */
export default async function DistrictDashboardPage({ searchParams }: { searchParams: Promise<Search> }) {
  const scope = await requireDistrictScope("/district/dashboard");
  const raw = firstValues(await searchParams);
  const parsed = parseReportFilters(raw);
  const figures = parsed.ok ? await loadDistrictFigures(scope, parsed.value) : null;
  const errors = parsed.ok ? {} : parsed.errors;
  const values: Record<string, string | undefined> = parsed.ok ? { ...parsed.value } : raw;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">全区数据</h1>
      <p>各镇（街道）和各村居的预约、咨询、评价、驻村时长和没有约上的需求。默认显示今年；日期、时间均为北京时间。</p>
      <PeriodFigures values={values} errors={errors} reset="/district/dashboard">
        {figures && <DistrictBody d={figures} />}
      </PeriodFigures>
    </div>
  );
}

function DistrictBody({ d }: { d: DistrictFigures }) {
  const { from, to } = d.filters;
  return (
    <>
      <Section id="summary" title={`${d.owner.government}：${formatDate(from)} 至 ${formatDate(to)}`} className="space-y-3">
        <p className="text-lg leading-relaxed">
          {reportParagraph(`${d.owner.name}各镇（街道）`, d.totals.counts, d.totals.evaluations)}
        </p>
        <p className="text-sm">
          接待服务对象 = 已完成的预约 + 现场咨询。驻村时长达标是村居工作室签到在场达到每月 {d.target}{" "}
          小时的月数，斜线后是计入的月数。没有空闲时段和回电请求按统计期间计；待回电和候补是现在的人数。合计是各镇（街道）之和。
        </p>
        <div className="flex flex-wrap items-center gap-4">
          <a href={`/api/district/report/export${toQuery({ format: "xlsx", from, to })}`} className={textLink}>
            下载各镇数据（Excel）
          </a>
          <a href={`/api/district/report/export${toQuery({ format: "csv", from, to })}`} className={textLink}>
            下载各镇数字表（CSV）
          </a>
        </div>
      </Section>
      <Section id="towns" title="各镇（街道）" className="space-y-2">
        <DataTable
          caption={`各镇（街道）的数字，${from} 至 ${to}`}
          columns={columns}
          rows={[...d.towns.map((t) => [t.name, ...figureCells(t)]), ["合计", ...figureCells(d.totals)]]}
        />
      </Section>
      <Section id="villages" title="各村居" className="space-y-4">
        {d.towns.map((t) => (
          <DataTable
            key={t.id}
            caption={`${t.name}各服务地点的数字`}
            columns={[{ label: "服务地点" }, ...columns.slice(1)]}
            rows={t.villages.map((v) => [v.name, ...figureCells(v)])}
          />
        ))}
      </Section>
      <Section id="lawyers" title="律师签到在场时长" className="space-y-2">
        <p className="text-sm">
          律师签到到签退的实际时间（忘了签退的，算到那次坐班结束），按镇（街道）分开列出；一位律师可以在几个镇服务。
        </p>
        <DataTable
          caption={`各律师签到在场时长（小时），${from} 至 ${to}`}
          columns={[{ label: "律师" }, { label: "合计（小时）", numeric: true }, { label: "各镇（街道）（小时）" }]}
          rows={d.lawyers.map((l) => [l.name, l.hours, l.towns.map((t) => `${t.name} ${t.hours}`).join("、")])}
        />
      </Section>
    </>
  );
}
