type Venue = { slug: string; name: string; village: string | null; address: string; isDemonstration: boolean };

/**
 * Venues as a list of large cards, each one link (one tap) to the venue's free times: name,
 * village and address; the demonstration points marked in words.
 */
export function VenueList({ venues }: { venues: Venue[] }) {
  if (venues.length === 0) return <p>暂无服务地点，请拨打 12348 咨询。</p>;
  return (
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
            {venue.isDemonstration && (
              <span className="mt-1 inline-block rounded bg-brand-100 px-2 text-brand-900">
                示范点（镇里重点建设的公共法律服务点）
              </span>
            )}
            <span className="mt-1 block font-semibold text-brand-800">查看空闲时间并预约 ›</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
