import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CalendarSubscription } from "@/components/consultations/calendar-subscription";
import { FieldScope, secondaryButton, TextField } from "@/components/form";
import { Section } from "@/components/section";
import { requireLawyer } from "@/lib/auth/session";
import { getCalendarToken } from "@/lib/calendar/queries";
import { monthParam } from "@/lib/consultations/schema";
import { monthRange, nextMonth } from "@/lib/schedule/hours";
import { addDays, todayInShanghai } from "@/lib/time";
import { openWorkLog } from "@/lib/worklog/queries";
import { WorkLogView } from "./work-log-view";

export const metadata: Metadata = { title: "工作日志" };

function monthLabel(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return `${y}年${m}月`;
}

async function origin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

export default async function WorkLogPage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  const user = await requireLawyer("/lawyer/log");
  const month = monthParam.safeParse((await searchParams).month).data ?? todayInShanghai().slice(0, 7);
  const [log, token] = await Promise.all([openWorkLog(user, user.lawyerId, month), getCalendarToken(user.lawyerId)]);
  if (!log) notFound();
  const previous = addDays(monthRange(month).from, -1).slice(0, 7);
  const feedUrl = token ? `${await origin()}/api/calendar/${token}` : null;
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">工作日志 · {monthLabel(month)}</h1>

      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="选择月份">
        <FieldScope idPrefix="log" values={{ month }}>
          <TextField name="month" label="月份" hint="例如 2026-11" type="month" pattern="\d{4}-\d{2}" />
        </FieldScope>
        <button type="submit" className={secondaryButton}>
          查看
        </button>
      </form>
      <nav aria-label="切换月份" className="flex flex-wrap gap-3">
        <Link href={`/lawyer/log?month=${previous}`} className={secondaryButton}>
          ← {monthLabel(previous)}
        </Link>
        <Link href={`/lawyer/log?month=${nextMonth(month)}`} className={secondaryButton}>
          {monthLabel(nextMonth(month))} →
        </Link>
      </nav>

      <Section id="download-heading" title="下载台账" className="space-y-2">
        <p>含服务对象姓名和电话，请妥善保管，不要转发给无关人员。</p>
        <div className="flex flex-col gap-3 sm:flex-row">
          <a href={`/api/lawyer/log?month=${month}&format=xlsx`} className={secondaryButton} download>
            下载 Excel 表格（{monthLabel(month)}）
          </a>
          <a href={`/api/lawyer/log?month=${month}&format=csv`} className={secondaryButton} download>
            下载 CSV 文件（{monthLabel(month)}）
          </a>
        </div>
      </Section>

      <WorkLogView log={log} />

      <Section id="calendar-heading" title="手机日历订阅" className="space-y-3">
        <CalendarSubscription url={feedUrl} />
      </Section>
    </div>
  );
}
