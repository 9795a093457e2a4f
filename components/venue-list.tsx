type Venue = { slug: string; name: string; village: string | null; address: string; isDemonstration: boolean };

/** Venues as a list of large cards: name, village and address; the demonstration points marked in words. */
export function VenueList({ venues }: { venues: Venue[] }) {
  if (venues.length === 0) return <p>暂无服务地点，请拨打 12348 咨询。</p>;
  return (
    <ul className="space-y-3">
      {venues.map((venue) => (
        <li key={venue.slug} className="rounded-xl border-2 border-gray-300 p-4">
          <p className="text-lg font-bold text-brand-800">{venue.name}</p>
          {venue.village && <p>所属村居：{venue.village}</p>}
          <p>地址：{venue.address}</p>
          {venue.isDemonstration && <p className="mt-1 inline-block rounded bg-brand-100 px-2 text-brand-900">示范点</p>}
        </li>
      ))}
    </ul>
  );
}
