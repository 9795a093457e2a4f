import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { WalkInRecord } from "@/components/consultations/walk-in-record";
import { requireLawyer } from "@/lib/auth/session";
import { listServedVenues, openWalkIn } from "@/lib/consultations/queries";
import { walkInIdParam } from "@/lib/consultations/schema";
import { toDateString } from "@/lib/time";
import { listTopics } from "@/lib/topics/queries";

export const metadata: Metadata = { title: "修改或作废现场咨询记录" };

/** A lawyer corrects or voids one of their own walk-ins; another lawyer's is not found. */
export default async function LawyerWalkInPage({ params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  const user = await requireLawyer(`/lawyer/walk-ins/${raw}`);
  const id = walkInIdParam.safeParse(raw);
  if (!id.success) notFound();
  const walkIn = await openWalkIn(user, id.data);
  if (!walkIn) notFound();
  const [venues, topics] = await Promise.all([listServedVenues(user.lawyerId), listTopics()]);
  return (
    <div className="space-y-6">
      <BackLink href={`/lawyer/log?month=${toDateString(walkIn.at).slice(0, 7)}`}>返回工作日志</BackLink>
      <h1 className="text-2xl font-bold">修改或作废现场咨询记录</h1>
      <WalkInRecord
        walkIn={walkIn}
        venues={venues.map((v) => ({ value: v.id, label: v.name }))}
        topics={topics.map((t) => ({ value: t.code, label: t.name }))}
      />
    </div>
  );
}
