import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ScheduleView } from "@/app/(lawyer)/lawyer/schedule/schedule-view";
import { requireRole } from "@/lib/auth/session";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "律师值班时间" };

/** Staff arrange any lawyer's rota with the same forms, rules and checks as the lawyer's own page. */
export default async function StaffLawyerSchedulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireRole(`/staff/lawyers/${id}/schedule`, "STAFF", "ADMIN");
  const lawyer = await db.lawyer.findUnique({ where: { id }, select: { id: true, name: true } });
  if (!lawyer) notFound();
  return (
    <div className="space-y-6">
      <p>
        <Link href="/staff/rota" className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
          ← 返回排班
        </Link>
      </p>
      <ScheduleView actor={user} lawyerId={lawyer.id} title={`${lawyer.name}的值班时间`} />
    </div>
  );
}
