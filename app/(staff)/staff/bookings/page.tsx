import type { Metadata } from "next";
import Link from "next/link";
import { inputClass, primaryButton } from "@/components/consultations/form-parts";
import { requireRole } from "@/lib/auth/session";
import { STAFF_PAGE_SIZE, searchBookings } from "@/lib/booking/queries";
import { bookingSearchInput, CHANNELS, STATUS_NAMES } from "@/lib/booking/schema";
import { db } from "@/lib/db";
import { formatDate, formatTime, toDateString } from "@/lib/time";
import { listTopics } from "@/lib/topics/queries";
import { listVenues } from "@/lib/venues/queries";

export const metadata: Metadata = { title: "预约" };

type Search = Record<string, string | string[] | undefined>;

export default async function StaffBookingsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireRole("/staff/bookings", "STAFF", "ADMIN");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = bookingSearchInput.safeParse(raw);
  const filters = parsed.success ? parsed.data : bookingSearchInput.parse({});
  const [result, venues, topics, lawyers] = await Promise.all([
    searchBookings(filters),
    listVenues(),
    listTopics(),
    db.lawyer.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const pages = Math.max(1, Math.ceil(result.total / STAFF_PAGE_SIZE));
  const pageLink = (page: number) => `?${new URLSearchParams({ ...(raw as Record<string, string>), page: String(page) })}`;
  const select = (name: string, label: string, options: { value: string; label: string }[]) => (
    <div className="space-y-1">
      <label htmlFor={`f-${name}`} className="block font-semibold">
        {label}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={(raw[name] as string) ?? ""} className={inputClass}>
        <option value="">全部</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
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
        </div>
      </div>
      <form method="get" className="grid gap-4 rounded-xl border-2 border-gray-300 p-4 sm:grid-cols-2" aria-label="筛选预约">
        {!parsed.success && (
          <p role="alert" className="font-semibold text-red-800 sm:col-span-2">
            筛选条件有误（日期格式应为 2026-12-01），已显示全部预约。
          </p>
        )}
        <div className="space-y-1">
          <label htmlFor="f-from" className="block font-semibold">
            开始日期
          </label>
          <input id="f-from" name="from" type="date" defaultValue={(raw.from as string) ?? ""} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="f-to" className="block font-semibold">
            结束日期
          </label>
          <input id="f-to" name="to" type="date" defaultValue={(raw.to as string) ?? ""} className={inputClass} />
        </div>
        {select(
          "venue",
          "服务地点",
          venues.map((v) => ({ value: v.slug, label: v.name })),
        )}
        {select(
          "lawyer",
          "律师",
          lawyers.map((l) => ({ value: l.id, label: l.name })),
        )}
        {select(
          "status",
          "状态",
          Object.entries(STATUS_NAMES).map(([value, label]) => ({ value: value.toUpperCase(), label })),
        )}
        {select(
          "topic",
          "咨询事项",
          topics.map((t) => ({ value: t.code, label: t.name })),
        )}
        {select(
          "channel",
          "来源",
          Object.entries(CHANNELS).map(([value, label]) => ({ value, label })),
        )}
        <div className="space-y-1">
          <label htmlFor="f-phone" className="block font-semibold">
            电话号码（可只填一部分）
          </label>
          <input id="f-phone" name="phone" inputMode="tel" defaultValue={(raw.phone as string) ?? ""} className={inputClass} />
        </div>
        <div className="sm:col-span-2">
          <button type="submit" className={primaryButton}>
            筛选
          </button>
        </div>
      </form>
      <p aria-live="polite">
        共 {result.total} 个预约{result.total > 0 ? `，第 ${filters.page} / ${pages} 页` : ""}。
      </p>
      {result.rows.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] border-collapse text-left">
            <caption className="sr-only">预约列表（电话号码已隐去中间四位）</caption>
            <thead>
              <tr className="border-b-2 border-gray-400">
                <th scope="col" className="p-2">
                  时间
                </th>
                <th scope="col" className="p-2">
                  地点 / 律师
                </th>
                <th scope="col" className="p-2">
                  村民
                </th>
                <th scope="col" className="p-2">
                  事项
                </th>
                <th scope="col" className="p-2">
                  状态 / 来源
                </th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={row.code} className="border-b border-gray-300 align-top">
                  <td className="p-2">
                    <Link href={`/staff/bookings/${row.code}`} className="font-semibold text-brand-800 underline">
                      {formatDate(toDateString(row.start))} {formatTime(row.start)}
                    </Link>
                    <div className="text-gray-700">预约号 {row.code}</div>
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
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label="翻页" className="flex gap-3">
          {filters.page > 1 && (
            <Link
              href={pageLink(filters.page - 1)}
              className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline"
            >
              上一页
            </Link>
          )}
          {filters.page < pages && (
            <Link
              href={pageLink(filters.page + 1)}
              className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline"
            >
              下一页
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
