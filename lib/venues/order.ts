// The order villagers look for a venue in: the town station first, then the workrooms by the
// pinyin of their village's name (东成村, 东向村, 古田村 …), as in a dictionary. The seed's order
// follows the town's report, which a villager cannot guess.
import type { VenueKind } from "@/lib/generated/prisma/enums";

const pinyin = new Intl.Collator("zh-CN-u-co-pinyin");

type Orderable = { kind: VenueKind; name: string; village: string | null };

/** The name a villager looks for: the village, or the venue's own name where it has none. */
export const villageLabel = (venue: { name: string; village: string | null }): string => venue.village ?? venue.name;

export function sortForVillagers<T extends Orderable>(venues: readonly T[]): T[] {
  const rank = (v: Orderable) => (v.kind === "STATION" ? 0 : 1);
  return [...venues].sort(
    (a, b) => rank(a) - rank(b) || pinyin.compare(villageLabel(a), villageLabel(b)) || pinyin.compare(a.name, b.name),
  );
}
