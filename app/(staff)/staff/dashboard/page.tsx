import type { Metadata } from "next";
import { BarList } from "@/components/charts/bar-list";
import { ChartFigure, DataTable } from "@/components/charts/chart-figure";
import { ColumnChart } from "@/components/charts/column-chart";
import { HeatMap } from "@/components/charts/heat-map";
import { textLink } from "@/components/form/styles";
import { Section } from "@/components/section";
import { FilterForm } from "@/components/staff/filter-form";
import { requireTownScope } from "@/lib/auth/session";
import { summariseEvaluations } from "@/lib/evaluations/queries";
import { judgementLabel } from "@/lib/schedule/judgement";
import { formatPercent } from "@/lib/stats/aggregate";
import { type Dashboard, openDashboard } from "@/lib/stats/dashboard/queries";
import { listFilterOptions } from "@/lib/stats/queries";
import { firstValues, parseDashboardFilters, toQuery } from "@/lib/stats/schema";
import { formatDate, formatTime, formatTimeRange, toDateString } from "@/lib/time";
import { type WaitlistDemand, waitlistByVenue } from "@/lib/waitlist/queries";
import { CallbackForm } from "./callback-form";
import { EvaluationSection } from "./evaluation-section";

export const metadata: Metadata = { title: "需求分析" };

type Search = Record<string, string | string[] | undefined>;

/** "3/2" for the axis under the weekly columns. */
function shortDate(date: string): string {
  const [, m, d] = date.split("-").map(Number);
  return `${m}/${d}`;
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Search> }) {
  const scope = await requireTownScope("/staff/dashboard");
  const raw = firstValues(await searchParams);
  const parsed = parseDashboardFilters(raw);
  const [options, waitlist, result, evaluations] = await Promise.all([
    listFilterOptions(scope),
    waitlistByVenue(scope),
    parsed.ok ? openDashboard(scope, parsed.value) : Promise.resolve({ ok: false as const, errors: parsed.errors }),
    parsed.ok ? summariseEvaluations(scope, parsed.value) : null,
  ]);
  const errors = result.ok ? {} : result.errors;
  const values: Record<string, string | undefined> = result.ok ? { ...result.dashboard.filters } : raw;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">需求分析</h1>
      <p>
        预约、现场咨询和没有约上的需求。默认显示最近 12
        周；日期、时间均为北京时间。已取消的预约不计入需求（导出文件中保留并注明）。
      </p>
      <FilterForm
        label="筛选"
        idPrefix="filter"
        values={values}
        errors={errors}
        selects={[
          { name: "venue", label: "服务地点", options: options.venues.map((v) => ({ value: v.slug, label: v.name })) },
          { name: "topic", label: "咨询事项", options: options.topics.map((t) => ({ value: t.code, label: t.name })) },
        ]}
        submit="筛选"
        reset={{ href: "/staff/dashboard", label: "恢复默认（最近 12 周）" }}
      />
      {result.ok ? (
        <>
          <DashboardBody d={result.dashboard} waitlist={waitlist} now={new Date()} />
          {evaluations && <EvaluationSection summary={evaluations} />}
        </>
      ) : (
        <p role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 p-3 font-semibold">
          筛选条件有误：{Object.values(errors).join(" ")}请按提示更正后再点“筛选”。
        </p>
      )}
    </div>
  );
}

/** Sessions that ended with nobody signed in (未签到): what an inspection of the 8 hours looks for. */
function MissedSection({ missed }: { missed: Dashboard["missed"] }) {
  return (
    <Section id="missed" title={`未签到的坐班（上月至今 ${missed.count} 次）`} className="space-y-3">
      <p>排了班、到结束时律师没有签到的坐班，最近的在前。点律师的名字查看他本月的签到记录；这些坐班不计入签到在场时长。</p>
      {missed.count === 0 ? (
        <p>上月至今每次坐班都有签到。</p>
      ) : (
        <DataTable
          caption="未签到的坐班"
          columns={[{ label: "日期" }, { label: "时间" }, { label: "地点" }, { label: "律师" }]}
          rows={missed.sessions.map((m) => [
            formatDate(m.date),
            `${formatTimeRange(m.start, m.end)}`,
            m.venue.name,
            <a key="lawyer" href={`/staff/lawyers/${m.lawyer.id}#attendance-heading`} className="text-brand-800 underline">
              {m.lawyer.name}
            </a>,
          ])}
        />
      )}
      {missed.count > missed.sessions.length && <p>只列出最近的 {missed.sessions.length} 次。</p>}
    </Section>
  );
}

/** Who waits for a freed slot, per venue (lib/waitlist): unmet demand that is still open. */
function WaitlistSection({ rows, now }: { rows: WaitlistDemand[]; now: Date }) {
  const days = (since: Date | null) => (since ? Math.max(0, Math.floor((now.getTime() - since.getTime()) / 86_400_000)) : 0);
  return (
    <Section id="waitlist" title={`候补名单（${rows.reduce((n, r) => n + r.waiting + r.offered, 0)} 人）`} className="space-y-3">
      <p>约不上而登记候补、正在等空位的村民。有空位时系统按登记先后发短信，并保留 30 分钟。人多、等得久的地点需要加排时间。</p>
      {rows.length === 0 ? (
        <p>现在没有人在候补。</p>
      ) : (
        <DataTable
          caption="各服务地点正在候补的人数"
          columns={[
            { label: "服务地点" },
            { label: "候补中", numeric: true },
            { label: "正为其保留空位", numeric: true },
            { label: "最早登记", numeric: false },
            { label: "已等天数", numeric: true },
          ]}
          rows={rows.map((r) => [
            r.venue,
            r.waiting,
            r.offered,
            r.longestSince ? formatDate(toDateString(r.longestSince)) : "",
            days(r.longestSince),
          ])}
        />
      )}
    </Section>
  );
}

function DashboardBody({ d, waitlist, now }: { d: Dashboard; waitlist: WaitlistDemand[]; now: Date }) {
  const f = d.filters;
  const query = toQuery({ from: f.from, to: f.to, venue: f.venue, topic: f.topic });
  const serviceTotal = d.totals.bookings + d.totals.walkIns;
  return (
    <>
      <Section id="overview" title={`${formatDate(f.from)} 至 ${formatDate(f.to)}`} className="space-y-3">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {[
            ["预约", `${d.totals.bookings} 个`],
            ["现场咨询", `${d.totals.walkIns} 人次`],
            ["时段利用率", formatPercent(d.utilisation)],
            ["预约未到率", formatPercent(d.noShowRate)],
          ].map(([label, value]) => (
            <div key={label} className="rounded-lg border-2 border-gray-300 p-3">
              <dt>{label}</dt>
              <dd className="text-2xl font-bold tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
        <p className="no-print flex flex-wrap gap-x-6">
          <a
            href={`/api/staff/dashboard/export${toQuery({ format: "xlsx", from: f.from, to: f.to, venue: f.venue, topic: f.topic })}`}
            className={textLink}
          >
            下载明细（Excel）
          </a>
          <a
            href={`/api/staff/dashboard/export${toQuery({ format: "csv", from: f.from, to: f.to, venue: f.venue, topic: f.topic })}`}
            className={textLink}
          >
            下载明细（CSV）
          </a>
          <a href={`/staff/dashboard${query}`} className={textLink}>
            本页链接
          </a>
        </p>
        <p className="text-sm">下载的明细中手机号码只显示前三位和后四位，下载会记入操作记录。</p>
      </Section>

      <ChartFigure
        id="weekly"
        title="每周预约和现场咨询"
        summary={`共 ${serviceTotal} 人次：预约 ${d.totals.bookings} 个，现场咨询 ${d.totals.walkIns} 人次，分 ${d.weekly.length} 周。`}
        chart={
          <ColumnChart
            data={d.weekly.map((w) => ({ label: shortDate(w.week), a: w.bookings, b: w.walkIns }))}
            seriesA="预约"
            seriesB="现场咨询"
          />
        }
      >
        <DataTable
          caption="每周数字（周一开始）"
          columns={[
            { label: "周" },
            { label: "预约", numeric: true },
            { label: "现场咨询", numeric: true },
            { label: "合计", numeric: true },
          ]}
          rows={d.weekly.map((w) => [`${formatDate(w.week)} 起`, w.bookings, w.walkIns, w.bookings + w.walkIns])}
        />
      </ChartFigure>

      <ChartFigure
        id="venues"
        title="各服务地点的需求和时段利用率"
        summary={`可约时段 ${d.totals.offered} 个，已约 ${d.totals.bookings} 个，利用率 ${formatPercent(d.utilisation)}。`}
        chart={
          <BarList
            bars={d.venues.map((v) => ({
              label: v.name,
              value: v.bookings + v.walkIns,
              text: `${v.bookings + v.walkIns}`,
            }))}
          />
        }
      >
        <DataTable
          caption="各服务地点（利用率 = 已约 ÷ 排班可约时段；未到率 = 未到 ÷（完成 + 未到））"
          columns={[
            { label: "服务地点" },
            { label: "预约", numeric: true },
            { label: "现场", numeric: true },
            { label: "可约时段", numeric: true },
            { label: "利用率", numeric: true },
            { label: "未到", numeric: true },
            { label: "未到率", numeric: true },
          ]}
          rows={d.venues.map((v) => [
            v.name,
            v.bookings,
            v.walkIns,
            v.offered,
            formatPercent(v.utilisation),
            v.noShow,
            formatPercent(v.noShowRate),
          ])}
        />
      </ChartFigure>

      <ChartFigure
        id="topics"
        title="咨询事项"
        summary={
          d.topics[0]
            ? `最多的是“${d.topics[0].label}”，${d.topics[0].count} 人次（${formatPercent(d.topics[0].share)}）。`
            : "这段时间没有咨询。"
        }
        chart={
          <BarList
            bars={d.topics.map((t) => ({ label: t.label, value: t.count, text: `${t.count}（${formatPercent(t.share)}）` }))}
          />
        }
      >
        <DataTable
          caption="咨询事项（预约和现场咨询合计）"
          columns={[{ label: "咨询事项" }, { label: "人次", numeric: true }, { label: "占比", numeric: true }]}
          rows={d.topics.map((t) => [t.label, t.count, formatPercent(t.share)])}
        />
      </ChartFigure>

      <ChartFigure
        id="lead"
        title="提前多久预约"
        summary={d.leadTimes.map((b) => `${b.label} ${formatPercent(b.share)}`).join("，")}
        chart={
          <BarList
            bars={d.leadTimes.map((b) => ({ label: b.label, value: b.count, text: `${b.count}（${formatPercent(b.share)}）` }))}
          />
        }
      >
        <DataTable
          caption="从提交预约到咨询那天相隔的天数（北京时间）"
          columns={[{ label: "提前" }, { label: "预约", numeric: true }, { label: "占比", numeric: true }]}
          rows={d.leadTimes.map((b) => [b.label, b.count, formatPercent(b.share)])}
        />
      </ChartFigure>

      <ChartFigure
        id="priority"
        title="重点人群"
        summary={d.priorityGroups
          .filter((g) => g.key !== "none")
          .map((g) => `${g.label} ${g.count} 人次`)
          .join("，")}
        chart={
          <BarList
            bars={d.priorityGroups.map((g) => ({
              label: g.label,
              value: g.count,
              text: `${g.count}（${formatPercent(g.share)}）`,
            }))}
          />
        }
      >
        <DataTable
          caption="重点人群（预约和现场咨询合计）"
          columns={[{ label: "人群" }, { label: "人次", numeric: true }, { label: "占比", numeric: true }]}
          rows={d.priorityGroups.map((g) => [g.label, g.count, formatPercent(g.share)])}
        />
      </ChartFigure>

      <ChartFigure
        id="heat"
        title="一周中哪天、几点预约最多"
        summary={
          d.heat.busiest
            ? `最忙的是${d.heat.busiest.label} ${d.heat.busiest.hour} 点，${d.heat.busiest.count} 个预约。`
            : "这段时间没有预约。"
        }
        chart={<HeatMap data={d.heat} />}
      >
        <DataTable
          caption="按星期和开始时间（北京时间，整点）统计的预约数"
          columns={[{ label: "星期" }, ...d.heat.hours.map((h) => ({ label: `${h} 点`, numeric: true }))]}
          rows={d.heat.rows.map((r) => [r.label, ...r.cells])}
        />
      </ChartFigure>

      <ChartFigure
        id="unmet"
        title="没有约上的需求"
        summary={`查看空闲时间 ${d.lookups.reduce((s, l) => s + l.looks, 0)} 次，其中 ${d.lookups.reduce((s, l) => s + l.nothingFree, 0)} 次没有空闲时段；这段时间收到回电请求 ${d.callbacks.inPeriod} 条，已处理 ${d.callbacks.handledInPeriod} 条。`}
        chart={
          <BarList
            max={1}
            bars={d.lookups
              .filter((l) => l.looks > 0)
              .map((l) => ({ label: l.name, value: l.share ?? 0, text: formatPercent(l.share) }))}
          />
        }
      >
        <DataTable
          caption="各服务地点：村民查看空闲时间时找不到空位的次数"
          columns={[
            { label: "服务地点" },
            { label: "查看次数", numeric: true },
            { label: "没有空位", numeric: true },
            { label: "占比", numeric: true },
          ]}
          rows={d.lookups.map((l) => [l.name, l.looks, l.nothingFree, formatPercent(l.share)])}
        />
      </ChartFigure>

      <WaitlistSection rows={waitlist} now={now} />

      <Section
        id="callbacks"
        title={`待回电（${d.callbacks.openCount} 条）`}
        className="space-y-3 rounded-xl border-2 border-gray-300 p-4"
      >
        <p>村民没有约上时留下的回电请求，最早的在前。回电后写下结果并标记为已处理。查看这份名单已记入操作记录。</p>
        {d.callbacks.open.length === 0 ? (
          <p>没有待回电的请求。</p>
        ) : (
          <ol className="space-y-3">
            {d.callbacks.open.map((c) => (
              <li key={c.id} className="space-y-2 rounded-lg border-2 border-gray-300 p-3">
                <p className="font-semibold">
                  {c.name} ·{" "}
                  <a href={`tel:${c.phone}`} className="text-brand-800 underline">
                    {c.phone}
                  </a>
                </p>
                <p>
                  {c.venue}
                  {c.topic ? ` · ${c.topic}` : ""} · 提交于 {formatDate(toDateString(c.createdAt))} {formatTime(c.createdAt)}
                </p>
                {c.note && <p className="break-words">留言：{c.note}</p>}
                <CallbackForm id={c.id} who={c.name} />
              </li>
            ))}
          </ol>
        )}
        {d.callbacks.openCount > d.callbacks.open.length && (
          <p>只显示最早的 {d.callbacks.open.length} 条，处理后会显示后面的。</p>
        )}
      </Section>

      <ChartFigure
        id="hours"
        title={`各村驻点时长（每月不少于 ${d.hours.target} 小时）`}
        summary={`按签到在场的实际时间判断：上月（${d.hours.lastMonth}）有 ${d.hours.lines.filter((l) => l.lastMonth.state === "short").length} 个村居未达到 ${d.hours.target} 小时；本月（${d.hours.month}）到目前有 ${d.hours.lines.filter((l) => l.thisMonth.state === "in_progress").length} 个还不足。`}
        chart={
          <BarList
            bars={d.hours.lines.map((l) => ({
              label: l.village ?? l.name,
              value: l.thisMonth.attended,
              target: d.hours.target,
              text: `签到在场 ${l.thisMonth.attended} 小时（排班 ${l.thisMonth.scheduled}），${judgementLabel(l.thisMonth)}`,
            }))}
          />
        }
      >
        <p className="text-sm">
          竖线为每月 {d.hours.target}{" "}
          小时的要求；图中时长为本月签到在场的实际时间（律师签到到签退，忘了签退的算到那次坐班结束），是否达标按它判断，排班时间列在旁边。工作室开始服务以前的月份不计。
        </p>
        <DataTable
          caption="各村居工作室签到在场时长和排班时长（小时）"
          columns={[
            { label: "村居" },
            { label: `本月签到在场 ${d.hours.month}`, numeric: true },
            { label: "本月排班", numeric: true },
            { label: "本月" },
            { label: `上月签到在场 ${d.hours.lastMonth}`, numeric: true },
            { label: "上月排班", numeric: true },
            { label: "上月" },
          ]}
          rows={d.hours.lines.map((l) => [
            l.village ?? l.name,
            l.thisMonth.attended,
            l.thisMonth.scheduled,
            judgementLabel(l.thisMonth),
            l.lastMonth.attended,
            l.lastMonth.scheduled,
            judgementLabel(l.lastMonth),
          ])}
        />
      </ChartFigure>

      <MissedSection missed={d.missed} />

      <Section id="without-attendance" title={`没有律师签到的服务记录（${d.doneWithoutAttendance} 次）`} className="space-y-2">
        <p>
          {d.doneWithoutAttendance === 0
            ? "所选时间内，每次记录为已完成的服务，律师当天都在那个地点签到了。"
            : `所选时间内有 ${d.doneWithoutAttendance} 次服务记录为已完成，但律师那天没有在那个地点签到。请核实：确实在场的，在律师页面补录签到签退；下载的明细中“律师当天签到”一列写着“无律师签到记录”。`}
        </p>
      </Section>
    </>
  );
}
