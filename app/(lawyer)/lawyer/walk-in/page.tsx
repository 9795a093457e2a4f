import type { Metadata } from "next";
import { BackLink } from "@/components/back-link";
import { WalkInForm } from "@/components/consultations/walk-in-form";
import { listTodaysSessions } from "@/lib/attendance/queries";
import { requireLawyer } from "@/lib/auth/session";
import { listServedVenues } from "@/lib/consultations/queries";
import { defaultWalkInVenue } from "@/lib/consultations/rules";
import { formatTime, todayInShanghai } from "@/lib/time";
import { listTopics } from "@/lib/topics/queries";

export const metadata: Metadata = { title: "记录现场咨询" };

export default async function WalkInPage() {
  const user = await requireLawyer("/lawyer/walk-in");
  const now = new Date();
  const [venues, topics, sessions] = await Promise.all([
    listServedVenues(user.lawyerId),
    listTopics(),
    listTodaysSessions(user, { now }),
  ]);
  return (
    <div className="space-y-6">
      <BackLink href="/lawyer">返回我的预约</BackLink>
      <h1 className="text-2xl font-bold">记录现场咨询</h1>
      <p>没有预约、直接来咨询的村民，也请在这里登记，工作日志才完整。姓名以外的个人信息只填必要的。</p>
      {venues.length === 0 ? (
        <p>您还没有被安排到任何服务地点，暂时不能登记。请联系司法所。</p>
      ) : (
        <WalkInForm
          venues={venues.map((v) => ({ value: v.id, label: v.name }))}
          topics={topics.map((t) => ({ value: t.code, label: t.name }))}
          defaults={{ date: todayInShanghai(now), time: formatTime(now), venueId: defaultWalkInVenue(venues, sessions) }}
        />
      )}
    </div>
  );
}
