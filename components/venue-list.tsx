import { Section } from "@/components/section";
import { villageLabel } from "@/lib/venues/order";

type Venue = { slug: string; name: string; village: string | null; address: string; isDemonstration: boolean };

/**
 * The station as one card (one tap to its free times): its name, address and that it is a
 * demonstration point, in words.
 */
export function VenueCard({ venue }: { venue: Venue }) {
  return (
    <a
      href={`/venues/${venue.slug}`}
      className="block min-h-11 rounded-xl border-2 border-gray-400 p-4 hover:border-brand-700 hover:bg-brand-50"
    >
      <span className="block text-lg font-bold text-brand-800 underline underline-offset-4">{venue.name}</span>
      <span className="block">地址：{venue.address}</span>
      {venue.isDemonstration && <span className="block text-brand-900">示范点</span>}
      <span className="mt-1 block font-semibold text-brand-800">查看空闲时间并预约 ›</span>
    </a>
  );
}

/**
 * The workrooms as an index of village names, two to a row on a 360 px phone, in the order given
 * (pinyin): a villager finds their own village at a glance, without JavaScript, and one tap opens
 * its free times. The full name is read out; the address is on the workroom's page.
 */
export function VillageIndex({ venues }: { venues: Venue[] }) {
  if (venues.length === 0) return <p>暂无服务地点，请拨打 12348 咨询。</p>;
  return (
    <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3">
      {venues.map((venue) => (
        <li key={venue.slug}>
          <a
            href={`/venues/${venue.slug}`}
            // Read out in full ("南镇村公共法律服务工作室 示范点"), which holds the name shown.
            aria-label={`${venue.name}${venue.isDemonstration ? " 示范点" : ""}`}
            className="flex h-full min-h-12 flex-col justify-center rounded-lg border-2 border-brand-700 px-3 py-2 text-lg font-semibold text-brand-800 underline-offset-4 hover:bg-brand-50 hover:underline"
          >
            <span>{villageLabel(venue)}</span>
            {venue.isDemonstration && <span className="text-base font-normal">示范点</span>}
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * A town's venues as villagers choose among them: the workrooms as an index of village names,
 * then the town's station. The home page of a town's own deployment, and each town's page.
 */
export function TownVenues({ venues }: { venues: (Venue & { kind: "STATION" | "WORKROOM" })[] }) {
  const station = venues.filter((v) => v.kind === "STATION");
  const workrooms = venues.filter((v) => v.kind === "WORKROOM");
  return (
    <>
      <Section id="workrooms-heading" title={`村（社区）公共法律服务工作室（${workrooms.length} 个）`} className="space-y-3">
        <p>按村名拼音排列，点您的村（社区）查看空闲时间。</p>
        <VillageIndex venues={workrooms} />
      </Section>
      <Section id="station-heading" title="镇公共法律服务工作站" className="space-y-3">
        {station.length > 0 ? (
          station.map((venue) => <VenueCard key={venue.slug} venue={venue} />)
        ) : (
          <p>暂无服务地点，请拨打 12348 咨询。</p>
        )}
      </Section>
    </>
  );
}
