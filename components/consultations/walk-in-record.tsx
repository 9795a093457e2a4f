// A walk-in record to correct or void: the same page for its lawyer and for staff (who may also
// name another lawyer). A voided record shows why, and no form but the void's answer.

import { DetailsList } from "@/components/details-list";
import type { Option } from "@/components/form";
import { Section } from "@/components/section";
import type { WalkInView } from "@/lib/consultations/schema";
import { outcomeLabels } from "@/lib/labels";
import { formatDate, formatTime, toDateString } from "@/lib/time";
import { VoidWalkInForm } from "./void-walk-in-form";
import { WalkInForm } from "./walk-in-form";

export function WalkInRecord({
  walkIn: w,
  venues,
  topics,
  lawyers,
}: {
  walkIn: WalkInView;
  venues: Option[];
  topics: Option[];
  /** Staff only: the lawyers a record may be moved to. */
  lawyers?: Option[];
}) {
  const date = toDateString(w.at);
  const editable = w.voidedAt === null && w.anonymisedAt === null;
  // The record's own venue stays a choice even if the lawyer no longer serves it.
  const venueOptions = venues.some((v) => v.value === w.venue.id)
    ? venues
    : [{ value: w.venue.id, label: w.venue.name }, ...venues];
  return (
    <div className="space-y-6">
      <DetailsList
        rows={[
          ["时间", `${formatDate(date)} ${formatTime(w.at)}`],
          ["地点", w.venue.name],
          ["接待律师", w.lawyer],
          ["服务对象", w.name],
          ["咨询事项", w.topic],
          ["服务结果", `${outcomeLabels(w.outcomes)}${w.minutesSpent ? `，用时 ${w.minutesSpent} 分钟` : ""}`],
          ["状态", w.voidedAt ? `已作废（${w.voidReason}）` : "计入工作日志和统计"],
        ]}
      />
      {editable && (
        <Section id="correct-heading" title="修改记录" className="space-y-3">
          <p>记错了的内容改过来再保存；修改会记入操作记录。</p>
          <WalkInForm
            walkInId={w.id}
            venues={venueOptions}
            topics={topics}
            lawyers={lawyers}
            defaults={{
              date,
              time: formatTime(w.at),
              venueId: w.venue.id,
              lawyerId: w.lawyerId,
              name: w.name,
              phone: w.phone,
              village: w.village,
              topic: w.topicCode,
              priorityGroup: w.priorityGroup,
              outcomes: w.outcomes,
              minutesSpent: w.minutesSpent,
              lawyerNote: w.lawyerNote,
            }}
          />
        </Section>
      )}
      {w.anonymisedAt !== null && w.voidedAt === null && <p>这条记录已过保存期限，个人信息已删除，不能再修改。</p>}
      <Section id="void-heading" title="作废" className="space-y-3">
        <VoidWalkInForm walkInId={w.id} voidReason={w.voidedAt ? (w.voidReason ?? "") : null} />
      </Section>
    </div>
  );
}
