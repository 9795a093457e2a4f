import type { Metadata } from "next";
import { shortDateTime } from "@/components/slot-picker";
import { listVenuesWithNextSlot } from "@/lib/availability/queries";

export const metadata: Metadata = { title: "所有服务地点" };

export default async function VenuesPage() {
  const venues = await listVenuesWithNextSlot();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold leading-snug">所有服务地点和最近的空位</h1>
      <p>镇工作站和 15 个村（社区）工作室都可以免费咨询律师。点一个地点，查看空闲时间并预约。</p>
      <ul className="space-y-3">
        {venues.map((venue) => (
          <li key={venue.slug}>
            <a
              href={`/venues/${venue.slug}`}
              className="block min-h-11 rounded-xl border-2 border-gray-400 p-4 hover:border-brand-700 hover:bg-brand-50"
            >
              <span className="block text-lg font-bold text-brand-800 underline underline-offset-4">{venue.name}</span>
              {venue.village && <span className="block">所属村居：{venue.village}</span>}
              <span className="block">地址：{venue.address}</span>
              {venue.lawyers.length > 0 && <span className="block">律师：{venue.lawyers.map((l) => l.name).join("、")}</span>}
              <span className="block font-semibold">
                {venue.nextSlot ? `最近空位：${shortDateTime(venue.nextSlot)}` : "近期暂无空位"}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
