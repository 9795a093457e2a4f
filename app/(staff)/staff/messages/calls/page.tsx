import type { Metadata } from "next";
import Link from "next/link";
import { Section } from "@/components/section";
import { requireTownScope } from "@/lib/auth/session";
import { messageWhat, NOTIFICATION_KINDS } from "@/lib/labels";
import { openCallList } from "@/lib/messages/queries";
import { formatDate, formatTime, toDateString } from "@/lib/time";
import { MarkCalledForm, ResendForm } from "../message-forms";

export const metadata: Metadata = { title: "电话通知名单" };

export default async function CallListPage() {
  const scope = await requireTownScope("/staff/messages/calls");
  const { rows, calledToday } = await openCallList(scope);
  return (
    <div className="space-y-6">
      <p>
        <Link href="/staff/messages" className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
          ← 返回短信通知
        </Link>
      </p>
      <h1 className="text-2xl font-bold">电话通知名单</h1>
      <p>
        这些村民收不到短信（留的是固定电话），或者短信发送失败。请打电话把“照着读”的话读给对方听（预约号一个字一个字读，不读网址），打通后点“已电话联系”。同一个电话号码的事放在一起，一次电话说完。
      </p>
      {rows.length > 0 && <p className="text-gray-700">这一页显示完整电话号码，打开已记入操作记录。</p>}
      {rows.length === 0 ? (
        <p role="status" className="rounded-lg border-2 border-green-700 bg-green-50 p-3 font-semibold">
          现在没有需要打电话通知的村民。
        </p>
      ) : (
        <ul className="space-y-4" aria-label="需要打电话通知的村民">
          {/* One card per phone number: one call tells a person everything that is waiting for them. */}
          {groupByPhone(rows).map((group) => (
            <li key={group.phone} className="space-y-3 rounded-xl border-2 border-gray-300 p-4">
              <h2 className="text-xl font-bold">
                {[...new Set(group.rows.map((r) => r.name))].join("、")}：
                {group.rows.length > 1 ? `${group.rows.length} 件事，一次电话说完` : NOTIFICATION_KINDS[group.rows[0].kind]}
              </h2>
              <p>
                电话：
                <a href={`tel:${group.phone}`} className="font-semibold text-brand-800 underline">
                  {group.phone}
                </a>
              </p>
              <ol className="space-y-4">
                {group.rows.map((row) => (
                  <li key={row.key} className="space-y-2 border-t border-gray-300 pt-3">
                    <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[8rem_1fr]">
                      <dt className="font-semibold">事项</dt>
                      <dd>{NOTIFICATION_KINDS[row.kind]}</dd>
                      <dt className="font-semibold">预约号</dt>
                      <dd>
                        <Link href={`/staff/bookings/${row.bookingCode}`} className="font-semibold text-brand-800 underline">
                          {row.bookingCode}
                        </Link>
                      </dd>
                      <dt className="font-semibold">咨询时间</dt>
                      <dd>
                        {formatDate(toDateString(row.start))} {formatTime(row.start)}–{formatTime(row.end)}
                      </dd>
                      <dt className="font-semibold">原因</dt>
                      <dd className="break-words">
                        {row.status === "CALL" ? "固定电话，收不到短信" : `短信发送失败：${row.reason ?? "没有答复"}`}
                      </dd>
                      <dt className="font-semibold">照着读</dt>
                      <dd className="break-words text-lg">{row.script}</dd>
                    </dl>
                    <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
                      <MarkCalledForm messageKey={row.key} code={row.bookingCode} what={messageWhat(row.kind, row.key)} />
                      {row.resendable && (
                        <ResendForm messageKey={row.key} code={row.bookingCode} what={messageWhat(row.kind, row.key)} />
                      )}
                    </div>
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ul>
      )}
      {calledToday.length > 0 && (
        <Section id="called-today" title="今天已电话联系" className="space-y-2">
          <ul className="list-disc space-y-1 pl-6">
            {calledToday.map((row) => (
              <li key={row.key}>
                预约 {row.bookingCode} 的{NOTIFICATION_KINDS[row.kind]}：{row.calledBy ?? "工作人员"} {formatTime(row.calledAt)}{" "}
                已联系
              </li>
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
}

/** The rows by phone number, in the order of each number's soonest consultation. */
function groupByPhone<Row extends { phone: string }>(rows: Row[]): { phone: string; rows: Row[] }[] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) groups.set(row.phone, [...(groups.get(row.phone) ?? []), row]);
  return [...groups].map(([phone, grouped]) => ({ phone, rows: grouped }));
}
