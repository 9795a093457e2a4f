// The lawyers who serve a venue as contact cards: villagers may call them directly.
type Lawyer = { id: string; name: string; firm: string; publicPhone: string; isAdviser: boolean };

export function LawyerCards({ lawyers }: { lawyers: Lawyer[] }) {
  if (lawyers.length === 0) return <p>暂时没有律师在这里坐班。请拨打 12348 咨询。</p>;
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {lawyers.map((lawyer) => (
        <li key={lawyer.id} className="space-y-1 rounded-xl border-2 border-gray-300 p-4">
          <p className="text-lg font-bold">{lawyer.name}</p>
          {lawyer.isAdviser && <p className="inline-block rounded bg-brand-100 px-2 text-brand-900">本村（社区）法律顾问</p>}
          <p className="text-gray-700">{lawyer.firm}</p>
          <a
            href={`tel:${lawyer.publicPhone}`}
            className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline underline-offset-4"
          >
            电话 {lawyer.publicPhone}
          </a>
        </li>
      ))}
    </ul>
  );
}
