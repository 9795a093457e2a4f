// The evaluation (评价表) of a done consultation on its villager's booking page: the form, the
// answers already given and until when they may be changed, or that the time to change is over.
import { BookingEvaluationForm } from "@/components/evaluation-forms";
import type { EvaluationView } from "@/lib/evaluations/queries";
import { RESOLUTIONS, SATISFACTIONS } from "@/lib/labels";
import { formatDate, formatTime, toDateString } from "@/lib/time";

const when = (instant: Date) => `${formatDate(toDateString(instant))} ${formatTime(instant)}`;

export function EvaluationSection({ code, evaluation, now }: { code: string; evaluation: EvaluationView | null; now: Date }) {
  const changeable = evaluation !== null && evaluation.source === "BOOKING_PAGE" && evaluation.changeableUntil > now;
  return (
    <section
      id="evaluation"
      aria-labelledby="evaluation-heading"
      className="no-print space-y-3 rounded-xl border-2 border-gray-400 p-4"
    >
      <h2 id="evaluation-heading" className="text-xl font-bold">
        {evaluation ? "您的评价" : "请为这次服务评价"}
      </h2>
      {evaluation ? (
        <>
          <p>
            满意程度：<strong>{SATISFACTIONS[evaluation.satisfaction]}</strong>；问题：
            <strong>{RESOLUTIONS[evaluation.resolution]}</strong>
          </p>
          {evaluation.comment && <p className="break-words">意见和建议：{evaluation.comment}</p>}
          <p>
            {evaluation.source === "PAPER"
              ? "这份评价是工作人员按您填写的纸质评价表录入的。如需更正，请拨打 12348。"
              : changeable
                ? `${when(evaluation.changeableUntil)} 之前可以修改。`
                : "评价已经超过 7 天，不能再修改了。谢谢您！"}
          </p>
          {changeable && (
            <BookingEvaluationForm
              code={code}
              current={{ satisfaction: evaluation.satisfaction, resolution: evaluation.resolution, comment: evaluation.comment }}
            />
          )}
        </>
      ) : (
        <>
          <p>咨询已经结束。您的评价帮助司法所改进服务，评价后 7 天内可以修改。</p>
          <BookingEvaluationForm code={code} />
        </>
      )}
    </section>
  );
}
