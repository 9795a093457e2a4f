import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/charts/chart-figure";
import { FieldError, inputClass, primaryButton } from "@/components/consultations/form-parts";
import { requireRole } from "@/lib/auth/session";
import { type OutcomeCounts, REPORT_LINES } from "@/lib/stats/aggregate";
import { loadReport, type Report } from "@/lib/stats/queries";
import { firstValues, parseReportFilters, toQuery } from "@/lib/stats/schema";
import { formatDate } from "@/lib/time";
import { PrintButton } from "./print-button";

export const metadata: Metadata = { title: "年度数据" };

type Search = Record<string, string | string[] | undefined>;

const linkClass = "inline-flex min-h-11 items-center font-semibold text-brand-800 underline";

export default async function ReportPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireRole("/staff/report", "STAFF", "ADMIN");
  const raw = firstValues(await searchParams);
  const parsed = parseReportFilters(raw);
  const report = parsed.ok ? await loadReport(parsed.value) : null;
  const errors = parsed.ok ? {} : parsed.errors;
  const values: Record<string, string> = parsed.ok ? { ...parsed.value } : raw;
  const described = (key: string) => (errors[key] ? { "aria-invalid": true, "aria-describedby": `r-${key}-error` } : {});
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">年度数据</h1>
      <form
        method="get"
        aria-label="选择统计期间"
        className="no-print grid gap-4 rounded-xl border-2 border-gray-300 p-4 sm:grid-cols-2"
        noValidate
      >
        {(
          [
            ["from", "开始日期"],
            ["to", "结束日期"],
          ] as const
        ).map(([key, label]) => (
          <div key={key} className="space-y-1">
            <label htmlFor={`r-${key}`} className="block font-semibold">
              {label}
            </label>
            <FieldError id={`r-${key}-error`} error={errors[key]} />
            <input
              id={`r-${key}`}
              name={key}
              type="date"
              defaultValue={values[key] ?? ""}
              className={inputClass}
              {...described(key)}
            />
          </div>
        ))}
        <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
          <button type="submit" className={primaryButton}>
            统计
          </button>
          <Link href="/staff/report" className={linkClass}>
            恢复默认（今年）
          </Link>
        </div>
      </form>
      {report ? (
        <ReportBody report={report} />
      ) : (
        <p role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 p-3 font-semibold">
          日期有误：{Object.values(errors).join(" ")}请更正后再点“统计”。
        </p>
      )}
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
  const columns = REPORT_LINES.map((l) => ({ label: `${l.verb}（${l.unit}）`, numeric: true }));
  return (
    <>
      <section aria-labelledby="summary" className="space-y-3">
        <h2 id="summary" className="text-xl font-bold">
          {formatDate(from)} 至 {formatDate(to)}
        </h2>
        <p className="text-lg leading-relaxed">
          睦洲镇公共法律服务工作站和各村（社区）公共法律服务工作室
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
        <p className="text-sm">
          接待服务对象 = 已完成的预约 +
          现场咨询；每项服务结果按记录了该结果的服务人次计（一次服务可有多项结果）。点数字查看背后的每一次服务。
        </p>
        <div className="no-print flex flex-wrap items-center gap-4">
          <a href={`/api/staff/report/export${toQuery({ from, to })}`} className={linkClass}>
            下载 Excel（XLSX）
          </a>
          <PrintButton />
        </div>
      </section>
      <section aria-labelledby="by-venue" className="space-y-2">
        <h2 id="by-venue" className="text-xl font-bold">
          按村居（服务地点）
        </h2>
        <DataTable
          caption="各服务地点的数字（点数字查看明细）"
          columns={[{ label: "服务地点" }, ...columns]}
          rows={report.byVenue.map((v) => [v.name, ...cellLinks(v, { venue: v.id }, v.name)])}
        />
      </section>
      <section aria-labelledby="by-lawyer" className="space-y-2">
        <h2 id="by-lawyer" className="text-xl font-bold">
          按律师
        </h2>
        <DataTable
          caption="各律师的数字（点数字查看明细）"
          columns={[{ label: "律师" }, ...columns]}
          rows={report.byLawyer.map((l) => [l.name, ...cellLinks(l, { lawyer: l.id }, l.name)])}
        />
      </section>
    </>
  );
}
