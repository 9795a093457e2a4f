import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { DetailsList } from "@/components/details-list";
import { PaperEvaluation } from "@/components/paper-evaluation";
import { requireTownScope } from "@/lib/auth/session";
import { findWalkInEvaluation } from "@/lib/evaluations/queries";
import { recordId } from "@/lib/evaluations/schema";
import { maskPhone } from "@/lib/phone";
import { formatDate, formatTime, toDateString } from "@/lib/time";

export const metadata: Metadata = { title: "现场咨询的评价表" };

/** A walk-in's evaluation for staff: what was given, or the paper form's answers to type in. */
export default async function WalkInEvaluationPage({ params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  const scope = await requireTownScope(`/staff/evaluations/walk-ins/${raw}`);
  const id = recordId.safeParse(raw);
  if (!id.success) notFound();
  const found = await findWalkInEvaluation(scope, id.data);
  if (!found) notFound();
  const { walkIn, evaluation } = found;
  return (
    <div className="space-y-6">
      <BackLink href="/staff/evaluations">返回录入纸质评价表</BackLink>
      <h1 className="text-2xl font-bold">现场咨询的评价表</h1>
      <DetailsList
        rows={[
          ["时间", `${formatDate(toDateString(walkIn.at))} ${formatTime(walkIn.at)}`],
          ["地点", walkIn.venue],
          ["律师", walkIn.lawyer],
          ["服务对象", walkIn.name],
          ["联系电话", walkIn.phone ? maskPhone(walkIn.phone) : "（没有留）"],
        ]}
      />
      <PaperEvaluation target={{ kind: "walk_in", id: walkIn.id }} evaluation={evaluation} now={new Date()} />
    </div>
  );
}
