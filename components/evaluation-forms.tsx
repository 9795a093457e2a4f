"use client";

// The evaluation form (评价表) in its three places, the same questions each time: the villager's
// booking page, a walk-in's one-time link, and staff typing in a paper form. And the lawyer's
// button that shows a walk-in's QR code. Each works without JavaScript too.
import { ActionForm, RadioGroup, SubmitButton, secondaryButton, TextareaField } from "@/components/form";
import {
  createEvaluationLinkAction,
  enterPaperEvaluationAction,
  evaluateBookingAction,
  evaluateByLinkAction,
} from "@/lib/evaluations/actions";
import { COMMENT_MAX } from "@/lib/evaluations/rules";
import { optionsOf, RESOLUTIONS, SATISFACTIONS } from "@/lib/labels";

const ORDER = ["satisfaction", "resolution", "comment"];

export type Answers = { satisfaction: string; resolution: string; comment: string | null };

/** The three questions; `current` fills them in when an evaluation is being changed. */
function Questions({ current, who = "您" }: { current?: Answers | null; who?: string }) {
  return (
    <>
      <RadioGroup
        name="satisfaction"
        legend={`总的来说，${who}对这次服务满意吗？`}
        options={optionsOf(SATISFACTIONS)}
        defaultValue={current?.satisfaction}
      />
      <RadioGroup
        name="resolution"
        legend={`${who}的问题解决了吗？`}
        options={optionsOf(RESOLUTIONS)}
        defaultValue={current?.resolution}
      />
      <TextareaField
        name="comment"
        label={`意见和建议（选填，最多 ${COMMENT_MAX} 字）`}
        hint={who === "您" ? "司法所会看到您的意见；律师只看到意见，看不到是谁写的。请不要写身份证号码。" : undefined}
        maxLength={COMMENT_MAX}
        rows={3}
        defaultValue={current?.comment}
      />
    </>
  );
}

/** On the villager's own booking page, once the consultation is done. */
export function BookingEvaluationForm({ code, current }: { code: string; current?: Answers | null }) {
  return (
    <ActionForm action={evaluateBookingAction} idPrefix="evaluation" label="评价这次服务" order={ORDER}>
      <input type="hidden" name="code" value={code} />
      <Questions current={current} />
      <SubmitButton pendingText="正在提交…">{current ? "保存修改" : "提交评价"}</SubmitButton>
    </ActionForm>
  );
}

/** Through the QR code a lawyer showed after a walk-in consultation. */
export function LinkEvaluationForm({ token }: { token: string }) {
  return (
    <ActionForm action={evaluateByLinkAction} idPrefix="evaluation" label="评价这次服务" order={ORDER}>
      <input type="hidden" name="token" value={token} />
      <Questions />
      <SubmitButton pendingText="正在提交…">提交评价</SubmitButton>
    </ActionForm>
  );
}

/** The lawyer's button: make (or show again) the walk-in's one-time link. */
export function ShowEvaluationQrForm({ walkInId }: { walkInId: string }) {
  return (
    <ActionForm action={createEvaluationLinkAction} idPrefix="evaluation-link" label="出示评价二维码" order={[]}>
      <input type="hidden" name="walkInId" value={walkInId} />
      <SubmitButton pendingText="正在生成…">出示评价二维码</SubmitButton>
    </ActionForm>
  );
}

/** Staff type in the answers of a villager's paper form. */
export function PaperEvaluationForm({
  target,
  current,
}: {
  target: { kind: "booking" | "walk_in"; id: string };
  current?: Answers | null;
}) {
  return (
    <ActionForm action={enterPaperEvaluationAction} idPrefix="paper" label="录入纸质评价表" order={ORDER}>
      <input type="hidden" name="target.kind" value={target.kind} />
      <input type="hidden" name="target.id" value={target.id} />
      <Questions current={current} who="村民" />
      <SubmitButton pendingText="正在保存…" className={current ? secondaryButton : undefined}>
        {current ? "修改录入" : "保存评价表"}
      </SubmitButton>
    </ActionForm>
  );
}
