import type { Metadata } from "next";
import Link from "next/link";
import { DateField, primaryButton, SelectField, TextField } from "@/components/form";
import { ListFilters } from "@/components/staff/list-filters";
import { PagedTable } from "@/components/staff/paged-table";
import { TestBadge } from "@/components/test-badge";
import { requireTownScope } from "@/lib/auth/session";
import { STAFF_PAGE_SIZE, searchBookings } from "@/lib/booking/queries";
import { bookingSearchInput } from "@/lib/booking/schema";
import { CHANNELS, optionsOf, STATUS_NAMES } from "@/lib/labels";
import { listLawyerNames } from "@/lib/lawyers/queries";
import { formatDate, formatTime, toDateString, todayInShanghai } from "@/lib/time";
import { listTopics } from "@/lib/topics/queries";
import { listVenues } from "@/lib/venues/queries";

export const metadata: Metadata = { title: "预约" };

type Search = Record<string, string | string[] | undefined>;

/** The day sheet of the venue filtered for, on the filter's first date (else today). */
function sheetQuery(venue: string | undefined, from: string | undefined): string {
  return venue ? `?${new URLSearchParams({ venue, date: from ?? todayInShanghai() })}` : "";
}

export default async function StaffBookingsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const scope = await requireTownScope("/staff/bookings");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = bookingSearchInput.safeParse(raw);
  const filters = parsed.success ? parsed.data : bookingSearchInput.parse({});
  const [result, venues, topics, lawyers] = await Promise.all([
    searchBookings(scope, filters),
    listVenues({ scope }),
    listTopics(),
    // Every lawyer, those who have left too: their past bookings are still looked for.
    listLawyerNames(scope, { activeOnly: false }),
  ]);
  const pageLink = (page: number) => `?${new URLSearchParams({ ...(raw as Record<string, string>), page: String(page) })}`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">预约</h1>
        <div className="flex flex-wrap gap-2">
          <Link href="/staff/bookings/new" className={`${primaryButton} inline-flex items-center`}>
            代为预约
          </Link>
          <Link
            href="/staff/walk-ins/new"
            className="inline-flex min-h-12 items-center rounded-lg border-2 border-brand-700 px-4 font-semibold text-brand-800"
          >
            登记现场咨询
          </Link>
          <Link
            href={`/staff/bookings/sheet${sheetQuery(filters.venue, filters.from)}`}
            className="inline-flex min-h-12 items-center rounded-lg border-2 border-brand-700 px-4 font-semibold text-brand-800"
          >
            打印当天预约名单
          </Link>
          <Link
            href="/staff/walk-ins"
            className="inline-flex min-h-12 items-center rounded-lg border-2 border-brand-700 px-4 font-semibold text-brand-800"
          >
            现场咨询记录
          </Link>
        </div>
      </div>
      <ListFilters
        label="筛选预约"
        columns={2}
        problem={parsed.success ? undefined : "筛选条件有误（日期格式应为 2026-12-01），已显示全部预约。"}
        values={raw as Record<string, string>}
      >
        <DateField name="from" label="开始日期" />
        <DateField name="to" label="结束日期" />
        <SelectField
          name="venue"
          label="服务地点"
          placeholder="全部"
          options={venues.map((v) => ({ value: v.slug, label: v.name }))}
        />
        <SelectField
          name="lawyer"
          label="律师"
          placeholder="全部"
          options={lawyers.map((l) => ({ value: l.id, label: l.name }))}
        />
        <SelectField
          name="status"
          label="状态"
          placeholder="全部"
          options={Object.entries(STATUS_NAMES).map(([value, label]) => ({ value: value.toUpperCase(), label }))}
        />
        <SelectField
          name="topic"
          label="咨询事项"
          placeholder="全部"
          options={topics.map((t) => ({ value: t.code, label: t.name }))}
        />
        <SelectField name="channel" label="来源" placeholder="全部" options={optionsOf(CHANNELS)} />
        <TextField name="phone" label="电话号码（可只填一部分）" inputMode="tel" />
      </ListFilters>
      <PagedTable
        unit="个预约"
        total={result.total}
        page={result.page}
        pageSize={STAFF_PAGE_SIZE}
        pageLink={pageLink}
        caption="预约列表（电话号码已隐去中间四位）"
        columns={["时间", "地点 / 律师", "村民", "事项", "状态 / 来源"]}
        minWidth="min-w-[40rem]"
      >
        {result.rows.map((row) => (
          <tr key={row.code} className="border-b border-gray-300 align-top">
            <td className="p-2">
              <Link href={`/staff/bookings/${row.code}`} className="font-semibold text-brand-800 underline">
                {formatDate(toDateString(row.start))} {formatTime(row.start)}
              </Link>
              <div className="text-gray-700">
                预约号 {row.code}
                {row.test && <TestBadge />}
              </div>
            </td>
            <td className="p-2">
              {row.venueName}
              <div className="text-gray-700">{row.lawyerName}</div>
            </td>
            <td className="p-2">
              {row.name}
              <div className="text-gray-700">{row.phone}</div>
            </td>
            <td className="p-2">{row.topicName}</td>
            <td className="p-2">
              {STATUS_NAMES[row.status]}
              <div className="text-gray-700">{CHANNELS[row.channel as keyof typeof CHANNELS]}</div>
            </td>
          </tr>
        ))}
      </PagedTable>
    </div>
  );
}
