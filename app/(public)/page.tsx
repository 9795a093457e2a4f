import { inputClass, primaryButton, textLink } from "@/components/form/styles";
import { Section } from "@/components/section";
import { TownVenues } from "@/components/venue-list";
import { listPublicVenues, listTowns, searchVillages, siteIdentity } from "@/lib/towns/queries";
import { villageLabel } from "@/lib/venues/order";

type Search = { q?: string | string[] };

export default async function HomePage({ searchParams }: { searchParams: Promise<Search> }) {
  const site = await siteIdentity();
  return (
    <div className="space-y-6">
      <section aria-labelledby="intro" className="space-y-3">
        <h1 id="intro" className="text-2xl font-bold leading-snug">
          免费法律咨询，预约律师
        </h1>
        <p>
          律师定期到镇公共法律服务工作站和各村（社区）工作室坐班，免费解答法律问题。
          {site.towns > 1 ? "请先选择您所在的镇（街道），再选村（社区）。" : "请选择离您最近的地点。"}
        </p>
        <ul className="space-y-1">
          <li>
            <a href="/bookings/lookup" className={textLink}>
              已经预约了？查询、改期或取消
            </a>
          </li>
          {site.towns <= 1 && (
            <li>
              <a href="/venues" className={textLink}>
                看看各个地点最近哪天有空位
              </a>
            </li>
          )}
        </ul>
      </section>
      {site.towns > 1 ? (
        <DistrictChoice words={first((await searchParams).q)} />
      ) : (
        <TownVenues venues={await listPublicVenues()} />
      )}
    </div>
  );
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.slice(0, 20).trim() ?? "";

/** Several towns: a search by village name, then the towns to choose from. Works without JavaScript (a GET form). */
async function DistrictChoice({ words }: { words: string }) {
  const [towns, found] = await Promise.all([listTowns(), words ? searchVillages(words) : Promise.resolve([])]);
  return (
    <>
      <Section id="search-heading" title="按村名查找" className="space-y-3">
        <form action="/" method="get" aria-label="按村名查找" className="space-y-3">
          <label htmlFor="village-search" className="block font-semibold">
            村（社区）名称，例如：南镇
          </label>
          <input id="village-search" name="q" type="search" defaultValue={words} maxLength={20} className={inputClass} />
          <button type="submit" className={primaryButton}>
            查找
          </button>
        </form>
        {words && (
          <div aria-live="polite" className="space-y-2">
            {found.length === 0 ? (
              <p>没有找到“{words}”。请少写几个字再试，或在下面选择您所在的镇（街道）。</p>
            ) : (
              <>
                <p>找到 {found.length} 个地点：</p>
                <ul className="space-y-2">
                  {found.map((venue) => (
                    <li key={venue.slug}>
                      <a href={`/venues/${venue.slug}`} className={textLink}>
                        {venue.town.name} · {villageLabel(venue)}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </Section>
      <Section id="towns-heading" title="选择镇（街道）" className="space-y-3">
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3">
          {towns.map((town) => (
            <li key={town.slug}>
              <a
                href={`/towns/${town.slug}`}
                aria-label={`${town.name}，${town.venues} 个服务地点`}
                className="flex h-full min-h-12 flex-col justify-center rounded-lg border-2 border-brand-700 px-3 py-2 text-lg font-semibold text-brand-800 underline-offset-4 hover:bg-brand-50 hover:underline"
              >
                <span>{town.name}</span>
                <span className="text-base font-normal">{town.venues} 个地点</span>
              </a>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
