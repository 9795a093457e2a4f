import type { Metadata } from "next";
import { requireLawyer } from "@/lib/auth/session";
import { ScheduleView } from "./schedule-view";

export const metadata: Metadata = { title: "值班时间" };

export default async function SchedulePage() {
  const user = await requireLawyer("/lawyer/schedule");
  return <ScheduleView caller={user} lawyerId={user.lawyerId} title="值班时间" />;
}
