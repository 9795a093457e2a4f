// The evaluation (评价表) of a done consultation on its villager's booking page: the form while
// none is given; once given, a short summary of the answers with a 修改评价 link that opens the
// form again (`?change=evaluation`, so it works without JavaScript) until the time to change is over.
import { BookingEvaluationForm } from "@/components/evaluation-forms";
import { textLink } from "@/components/form/styles";
import type { EvaluationView } from "@/lib/evaluations/queries";
import { RESOLUTIONS, SATISFACTIONS } from "@/lib/labels";
import { formatDate, formatTime, toDateString } from "@/lib/time";

const when = (instant: Date) => `${formatDate(toDateString(instant))} ${formatTime(instant)}`;

export function EvaluationSection({
  code,
  evaluation,
  now,
  changing = false,
}: {
  code: string;
  evaluation: EvaluationView | null;
  now: Date;
  /** The villager asked to change the evaluation given. */
  changing?: boolean;
}) {
  const changeable = evaluation !== null && evaluation.source === "BOOKING_PAGE" && evaluation.changeableUntil > now;
  const page = `/bookings/${code}`;
  return (
    <section
      id="evaluation"
      aria-labelledby="evaluation-heading"
      className="no-print scroll-m-4 space-y-3 rounded-xl border-2 border-gray-400 p-4"
    >
      <h2 id="evaluation-heading" className="text-xl font-bold">
        {evaluation ? "您的评价" : "请为这次服务评价"}
      </h2>
      {evaluation ? (
        changeable && changing ? (
          <>
            <p>改好后点“保存修改”。</p>
            <BookingEvaluationForm
              code={code}
              current={{ satisfaction: evaluation.satisfaction, resolution: evaluation.resolution, comment: evaluation.comment }}
            />
            <a href={`${page}#evaluation`} className={textLink}>
              不修改了
            </a>
          </>
        ) : (
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
              <a href={`${page}?change=evaluation#evaluation`} className={textLink}>
                修改评价
              </a>
            )}
          </>
        )
      ) : (
        <>
          <p>咨询已经结束。您的评价帮助司法所改进服务，评价后 7 天内可以修改。</p>
          <BookingEvaluationForm code={code} />
        </>
      )}
    </section>
  );
}
