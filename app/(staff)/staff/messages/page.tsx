import type { Metadata } from "next";
import Link from "next/link";
import { DateField, SelectField, TextField } from "@/components/form";
import { Section } from "@/components/section";
import { ListFilters } from "@/components/staff/list-filters";
import { PagedTable } from "@/components/staff/paged-table";
import { PublicAddressWarning } from "@/components/staff/public-address-warning";
import { TestBadge } from "@/components/test-badge";
import { can } from "@/lib/auth/can";
import { requireTownScope } from "@/lib/auth/session";
import { messageWhat, NOTIFICATION_KINDS, NOTIFICATION_STATUSES, optionsOf } from "@/lib/labels";
import { countToCall, listMessages } from "@/lib/messages/queries";
import { MESSAGE_PAGE_SIZE, messageSearchInput, messageSearchParams } from "@/lib/messages/schema";
import { staffStatus } from "@/lib/messages/status";
import { publicAddressWarning } from "@/lib/site/queries";
import { formatTime, toDateString } from "@/lib/time";
import { ResendForm } from "./message-forms";

export const metadata: Metadata = { title: "短信通知" };

type Search = Record<string, string | string[] | undefined>;

/** "2026-12-01 09:30", in Shanghai. */
const stamp = (instant: Date) => `${toDateString(instant)} ${formatTime(instant)}`;

export default async function StaffMessagesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const scope = await requireTownScope("/staff/messages");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = messageSearchInput.safeParse(raw);
  const filters = parsed.success ? parsed.data : messageSearchInput.parse({});
  const now = new Date();
  const [result, toCall] = await Promise.all([listMessages(scope, filters, now), countToCall(scope, now)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">短信通知</h1>
      <PublicAddressWarning address={await publicAddressWarning()} canSet={can.manageSite(scope.actor)} />
      <Section id="calls" title="需要打电话通知的村民" className="space-y-2 rounded-xl border-2 border-amber-700 bg-amber-50 p-4">
        <p>
          {toCall > 0
            ? `有 ${toCall} 条通知发不了短信（固定电话）或发送失败，请打电话告诉村民。`
            : "现在没有需要打电话通知的村民。"}
        </p>
        <Link href="/staff/messages/calls" className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
          打开电话通知名单（显示完整电话号码，会记入操作记录）
        </Link>
      </Section>
      <ListFilters
        label="筛选短信"
        columns={3}
        problem={parsed.success ? undefined : "筛选条件有误（日期格式应为 2026-12-01，预约号由字母和数字组成），已显示全部短信。"}
        values={raw as Record<string, string>}
      >
        <SelectField name="status" label="状态" placeholder="全部" options={optionsOf(NOTIFICATION_STATUSES)} />
        <DateField name="date" label="生成日期" />
        <TextField name="code" label="预约号" autoCapitalize="characters" />
      </ListFilters>
      <PagedTable
        unit="条短信"
        total={result.total}
        page={filters.page}
        pageSize={MESSAGE_PAGE_SIZE}
        pageLink={(page) => `/staff/messages${messageSearchParams(filters, page)}`}
        caption="短信列表，最新的在前（电话号码已隐去中间四位）"
        columns={["通知 / 预约号", "电话", "状态", "时间", "网关答复"]}
        minWidth="min-w-[44rem]"
      >
        {result.rows.map((row) => (
          <tr key={row.key} className="border-b border-gray-300 align-top">
            <td className="p-2">
              {NOTIFICATION_KINDS[row.kind]}
              <div>
                <Link href={`/staff/bookings/${row.bookingCode}`} className="font-semibold text-brand-800 underline">
                  {row.bookingCode}
                </Link>
                {row.test && <TestBadge />}
              </div>
            </td>
            <td className="p-2 whitespace-nowrap">{row.phone}</td>
            <td className="p-2">
              {staffStatus(row, now)}
              {row.attempts > 0 && <div className="text-gray-700">已试 {row.attempts} 次</div>}
              {row.calledAt && (
                <div className="text-gray-700">
                  {row.calledBy ?? "工作人员"} {stamp(row.calledAt)} 已电话联系
                </div>
              )}
            </td>
            <td className="p-2 whitespace-nowrap">
              <div>生成 {stamp(row.createdAt)}</div>
              <div className="text-gray-700">预定 {stamp(row.sendAfter)}</div>
              {row.sentAt && <div className="text-gray-700">发出 {stamp(row.sentAt)}</div>}
            </td>
            <td className="p-2 break-words">
              {row.reason && (row.status === "FAILED" || row.status === "QUEUED" || row.status === "DROPPED") ? row.reason : ""}
              {row.resendable && (
                <div className="mt-2">
                  <ResendForm messageKey={row.key} code={row.bookingCode} what={messageWhat(row.kind, row.key)} />
                </div>
              )}
            </td>
          </tr>
        ))}
      </PagedTable>
    </div>
  );
}
