import type { Metadata } from "next";
import Link from "next/link";
import { WalkInForm } from "@/components/consultations/walk-in-form";
import { textLink } from "@/components/form/styles";
import { requireTownScope } from "@/lib/auth/session";
import { listLawyerNames } from "@/lib/lawyers/queries";
import { formatTime, todayInShanghai } from "@/lib/time";
import { listTopics } from "@/lib/topics/queries";
import { listVenueChoices, venueWithLawyers } from "@/lib/venues/queries";

export const metadata: Metadata = { title: "登记现场咨询" };

/** Staff record a consultation that had no booking, for the lawyer who gave it, so the year's figures are complete. */
export default async function StaffWalkInPage() {
  const scope = await requireTownScope("/staff/walk-ins/new");
  const [venues, topics, lawyers] = await Promise.all([listVenueChoices(scope), listTopics(), listLawyerNames(scope)]);
  const now = new Date();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">登记现场咨询</h1>
      <p>没有预约、直接来咨询的村民，也请在这里登记。律师必须是这个地点的服务律师。</p>
      <p>
        <Link href="/staff/walk-ins" className={textLink}>
          查看、修改或作废已登记的现场咨询
        </Link>
      </p>
      <WalkInForm
        venues={venues.map((v) => ({ value: v.id, label: venueWithLawyers(v) }))}
        topics={topics.map((t) => ({ value: t.code, label: t.name }))}
        lawyers={lawyers.map((l) => ({ value: l.id, label: l.name }))}
        defaults={{ date: todayInShanghai(now), time: formatTime(now) }}
      />
    </div>
  );
}
