import { textLink } from "@/components/form/styles";
import { VenueCard, VillageIndex } from "@/components/venue-list";
import { listVenues } from "@/lib/venues/queries";

export default async function HomePage() {
  // The station first, then the workrooms by the pinyin of their village (lib/venues/order.ts).
  const venues = await listVenues();
  const station = venues.filter((v) => v.kind === "STATION");
  const workrooms = venues.filter((v) => v.kind === "WORKROOM");
  return (
    <div className="space-y-6">
      <section aria-labelledby="intro" className="space-y-3">
        <h1 id="intro" className="text-2xl font-bold leading-snug">
          免费法律咨询，预约律师
        </h1>
        <p>律师定期到镇公共法律服务工作站和各村（社区）工作室坐班，免费解答法律问题。请选择离您最近的地点。</p>
        <ul className="space-y-1">
          <li>
            <a href="/bookings/lookup" className={textLink}>
              已经预约了？查询、改期或取消
            </a>
          </li>
          <li>
            <a href="/venues" className={textLink}>
              看看各个地点最近哪天有空位
            </a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="workrooms-heading" className="space-y-3">
        <h2 id="workrooms-heading" className="text-xl font-bold">
          村（社区）公共法律服务工作室（{workrooms.length} 个）
        </h2>
        <p>按村名拼音排列，点您的村（社区）查看空闲时间。</p>
        <VillageIndex venues={workrooms} />
      </section>
      <section aria-labelledby="station-heading" className="space-y-3">
        <h2 id="station-heading" className="text-xl font-bold">
          镇公共法律服务工作站
        </h2>
        {station.length > 0 ? (
          station.map((venue) => <VenueCard key={venue.slug} venue={venue} />)
        ) : (
          <p>暂无服务地点，请拨打 12348 咨询。</p>
        )}
      </section>
    </div>
  );
}
