import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ScheduleView } from "@/app/(lawyer)/lawyer/schedule/schedule-view";
import { BackLink } from "@/components/back-link";
import { requireTownScope } from "@/lib/auth/session";
import { getLawyer } from "@/lib/lawyers/queries";

export const metadata: Metadata = { title: "律师值班时间" };

/** Staff arrange the rota of a lawyer in their town, at its venues, with the same forms, rules and checks as the lawyer's own page. */
export default async function StaffLawyerSchedulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const scope = await requireTownScope(`/staff/lawyers/${id}/schedule`);
  const lawyer = await getLawyer(scope, id);
  if (!lawyer) notFound();
  return (
    <div className="space-y-6">
      <BackLink href="/staff/rota">返回排班</BackLink>
      <ScheduleView caller={scope} lawyerId={lawyer.id} title={`${lawyer.name}的值班时间`} />
    </div>
  );
}
