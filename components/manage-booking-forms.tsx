"use client";

// Forms a villager uses on their own booking: look it up, cancel it, move it. Each works without
// JavaScript too: the server action is the form's action and the page shows its answer.
import { ActionForm, dangerButton, SubmitButton, secondaryButton, TextareaField, TextField } from "@/components/form";
import { cancelBookingAction, lookupBookingAction, rescheduleBookingAction } from "@/lib/booking/actions";

/** Code and phone; with a known code (on the booking's own page) only the phone is asked. */
export function LookupForm({ code }: { code?: string }) {
  return (
    <ActionForm action={lookupBookingAction} idPrefix="lookup" label="查找预约" order={["code", "phone"]}>
      {code ? (
        <input type="hidden" name="code" value={code} />
      ) : (
        <TextField
          name="code"
          label="预约号"
          hint="预约成功时页面上显示的 6 位字母和数字，带不带空格、大写小写都可以"
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="font-mono uppercase tracking-widest"
        />
      )}
      <TextField
        name="phone"
        label="手机号码"
        hint="预约时留的手机号码；工作人员代您预约时留的是固定电话的，请填那个固定电话（带区号）"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        required
      />
      <SubmitButton pendingText="正在查询…">查询预约</SubmitButton>
    </ActionForm>
  );
}

export function CancelForm({ code, backHref }: { code: string; backHref: string }) {
  return (
    <ActionForm action={cancelBookingAction} idPrefix="cancel" label="取消预约" order={["reason"]}>
      <input type="hidden" name="code" value={code} />
      <TextareaField
        name="reason"
        label="取消原因（选填，最多 200 字）"
        hint="例如 问题已经解决、那天没空"
        maxLength={200}
        rows={2}
      />
      <div className="flex flex-col gap-3 sm:flex-row">
        {/* Red: this one cannot be undone, unlike the green confirmations elsewhere. */}
        <SubmitButton pendingText="正在取消…" className={dangerButton}>
          确认取消预约
        </SubmitButton>
        <a href={backHref} className={secondaryButton}>
          不取消，返回
        </a>
      </div>
    </ActionForm>
  );
}

/** The last step of a move. When it fails the old booking stands, and the page says so. */
export function MoveForm({
  code,
  slot,
  available,
  backHref,
}: {
  code: string;
  /** The new time, as schema.ts's slotValue. */
  slot: string;
  available: boolean;
  backHref: string;
}) {
  return (
    // Nothing here to correct: after a refusal the only way on is to choose again.
    <ActionForm action={rescheduleBookingAction} idPrefix="move" label="改期" order={[]}>
      {(state) => (
        <>
          {!state && !available && (
            <p className="rounded-lg border-2 border-red-700 bg-red-50 p-3 font-semibold">
              这个时间已经没有空位了，原来的预约没有改变。请重新选择。
            </p>
          )}
          <input type="hidden" name="code" value={code} />
          <input type="hidden" name="slot" value={slot} />
          <div className="flex flex-col gap-3 sm:flex-row">
            {available && !state && <SubmitButton pendingText="正在改期…">确认改到这个时间</SubmitButton>}
            <a href={backHref} className={secondaryButton}>
              重新选择时间
            </a>
          </div>
        </>
      )}
    </ActionForm>
  );
}
