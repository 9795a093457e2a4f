// A consultation's evaluation as staff see it (the booking's page, the walk-in's), and the form
// that types in a paper 评价表 when there is none, or corrects a paper entry within 7 days.
import { DetailsList } from "@/components/details-list";
import { PaperEvaluationForm } from "@/components/evaluation-forms";
import { EVALUATION_SOURCES, RESOLUTIONS, SATISFACTIONS } from "@/lib/labels";
import { formatDate, formatTime, toDateString } from "@/lib/time";

type Evaluation = {
  satisfaction: keyof typeof SATISFACTIONS;
  resolution: keyof typeof RESOLUTIONS;
  comment: string | null;
  source: keyof typeof EVALUATION_SOURCES;
  createdAt: Date;
  changeableUntil: Date;
};

const when = (instant: Date) => `${formatDate(toDateString(instant))} ${formatTime(instant)}`;

export function PaperEvaluation({
  target,
  evaluation,
  now,
}: {
  target: { kind: "booking" | "walk_in"; id: string };
  evaluation: Evaluation | null;
  now: Date;
}) {
  const correctable = evaluation?.source === "PAPER" && evaluation.changeableUntil > now;
  return (
    <section id="evaluation" aria-labelledby="evaluation-heading" className="space-y-3 rounded-xl border-2 border-gray-300 p-4">
      <h2 id="evaluation-heading" className="text-xl font-bold">
        群众评价
      </h2>
      {evaluation ? (
        <DetailsList
          rows={[
            ["满意程度", SATISFACTIONS[evaluation.satisfaction]],
            ["问题解决", RESOLUTIONS[evaluation.resolution]],
            ["意见和建议", evaluation.comment ?? "（没有填写）"],
            ["评价方式", EVALUATION_SOURCES[evaluation.source]],
            ["评价时间", when(evaluation.createdAt)],
          ]}
        />
      ) : (
        <p>还没有评价。村民交来纸质评价表的，请按表上勾选的内容录入。</p>
      )}
      {correctable && <p>录入有误的，{when(evaluation.changeableUntil)} 之前可以修改：</p>}
      {(!evaluation || correctable) && (
        <PaperEvaluationForm
          target={target}
          current={
            evaluation
              ? { satisfaction: evaluation.satisfaction, resolution: evaluation.resolution, comment: evaluation.comment }
              : null
          }
        />
      )}
    </section>
  );
}
