// For a lawyer who opened the venue's page from its poster's QR code while signed in and is on
// duty here today: 签到 (and 签退) on the spot. Villagers never see it, and a visit without a
// session cookie looks nothing up.
import { SessionAttendance } from "@/components/attendance/session-attendance";
import { Section } from "@/components/section";
import { listTodaysSessions } from "@/lib/attendance/queries";
import { getCurrentUser, hasSessionCookie } from "@/lib/auth/session";

export async function Arrival({ venueId }: { venueId: string }) {
  if (!(await hasSessionCookie())) return null;
  const user = await getCurrentUser();
  const sessions = user ? await listTodaysSessions(user, { venueId }) : [];
  if (sessions.length === 0) return null;
  return (
    <Section id="arrival-heading" title="律师签到" className="space-y-2 rounded-xl border-2 border-brand-700 bg-brand-50 p-3">
      <p>您今天在这里坐班。到达时点“我已到达 · 签到”，离开时点“签退”。</p>
      <ul className="space-y-2">
        {sessions.map((s) => (
          <SessionAttendance key={s.startMinute} session={s} arriveLabel="我已到达 · 签到" />
        ))}
      </ul>
    </Section>
  );
}
