import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { WalkInRecord } from "@/components/consultations/walk-in-record";
import { requireTownScope } from "@/lib/auth/session";
import { openWalkIn } from "@/lib/consultations/queries";
import { walkInIdParam } from "@/lib/consultations/schema";
import { listLawyerNames } from "@/lib/lawyers/queries";
import { listTopics } from "@/lib/topics/queries";
import { listVenueChoices, venueWithLawyers } from "@/lib/venues/queries";

export const metadata: Metadata = { title: "修改或作废现场咨询记录" };

/** Staff correct or void any walk-in, and may give it to the lawyer who really saw the person. */
export default async function StaffWalkInPage({ params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  const scope = await requireTownScope(`/staff/walk-ins/${raw}`);
  const id = walkInIdParam.safeParse(raw);
  if (!id.success) notFound();
  const walkIn = await openWalkIn(scope, id.data);
  if (!walkIn) notFound();
  const [venues, topics, lawyers] = await Promise.all([listVenueChoices(scope), listTopics(), listLawyerNames(scope)]);
  return (
    <div className="space-y-6">
      <BackLink href="/staff/walk-ins">返回现场咨询记录</BackLink>
      <h1 className="text-2xl font-bold">修改或作废现场咨询记录</h1>
      <WalkInRecord
        walkIn={walkIn}
        venues={venues.map((v) => ({ value: v.id, label: venueWithLawyers(v) }))}
        topics={topics.map((t) => ({ value: t.code, label: t.name }))}
        lawyers={lawyers.map((l) => ({ value: l.id, label: l.name }))}
      />
    </div>
  );
}
