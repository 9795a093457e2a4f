"use client";

// Forms a villager uses on their own booking: look it up, cancel it, move it. Each works without
// JavaScript too: the server action is the form's action and the page shows its answer.
import Link from "next/link";
import { useActionState } from "react";
import { cancelBookingAction, lookupBookingAction, type PublicFormState, rescheduleBookingAction } from "@/lib/booking/actions";
import { ErrorSummary } from "./error-summary";
import { Field, inputClass, primaryButton, secondaryButton } from "./form-field";

function summaryOf(state: PublicFormState, order: [string, string][]) {
  const fields = state?.fields ?? {};
  return order.filter(([key]) => fields[key]).map(([key, id]) => ({ id, message: fields[key] }));
}

/** Code and phone; with a known code (on the booking's own page) only the phone is asked. */
export function LookupForm({ code }: { code?: string }) {
  const [state, action, pending] = useActionState<PublicFormState, FormData>(lookupBookingAction, null);
  const fields = state?.fields ?? {};
  const v = (name: string, fallback = "") => state?.values?.[name] ?? fallback;
  return (
    <form action={action} noValidate className="space-y-5">
      {state && (
        <ErrorSummary
          key={state.attempt}
          message={state.message}
          errors={summaryOf(state, [
            ["code", "lookup-code"],
            ["phone", "lookup-phone"],
          ])}
        />
      )}
      <div key={state?.attempt ?? 0} className="space-y-5">
        {code ? (
          <input type="hidden" name="code" value={code} />
        ) : (
          <Field id="lookup-code" label="预约号" hint="预约成功时页面上显示的 6 位字母和数字" error={fields.code}>
            {(p) => (
              <input
                {...p}
                name="code"
                required
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                defaultValue={v("code")}
                className={`${inputClass} font-mono uppercase tracking-widest`}
              />
            )}
          </Field>
        )}
        <Field id="lookup-phone" label="手机号码" hint="预约时填写的手机号码" error={fields.phone}>
          {(p) => (
            <input
              {...p}
              name="phone"
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              required
              defaultValue={v("phone")}
              className={inputClass}
            />
          )}
        </Field>
      </div>
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? "正在查询…" : "查询预约"}
      </button>
    </form>
  );
}

export function CancelForm({ code, backHref }: { code: string; backHref: string }) {
  const [state, action, pending] = useActionState<PublicFormState, FormData>(cancelBookingAction, null);
  return (
    <form action={action} noValidate className="space-y-5">
      {state && (
        <ErrorSummary key={state.attempt} message={state.message} errors={summaryOf(state, [["reason", "cancel-reason"]])} />
      )}
      <input type="hidden" name="code" value={code} />
      <Field
        key={state?.attempt ?? 0}
        id="cancel-reason"
        label="取消原因（选填，最多 200 字）"
        hint="例如 问题已经解决、那天没空"
        error={state?.fields.reason}
      >
        {(p) => (
          <textarea
            {...p}
            name="reason"
            rows={2}
            maxLength={200}
            defaultValue={state?.values.reason ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <div className="flex flex-col gap-3 sm:flex-row">
        <button type="submit" disabled={pending} className={primaryButton}>
          {pending ? "正在取消…" : "确认取消预约"}
        </button>
        <Link href={backHref} className={secondaryButton}>
          不取消，返回
        </Link>
      </div>
    </form>
  );
}

/** The last step of a move. When it fails the old booking stands, and the page says so. */
export function MoveForm({
  code,
  start,
  lawyerId,
  available,
  backHref,
}: {
  code: string;
  start: string;
  lawyerId?: string;
  available: boolean;
  backHref: string;
}) {
  const [state, action, pending] = useActionState<PublicFormState, FormData>(rescheduleBookingAction, null);
  return (
    <form action={action} noValidate className="space-y-5">
      {state && <ErrorSummary key={state.attempt} message={state.message} errors={[]} />}
      {!state && !available && (
        <p className="rounded-lg border-2 border-red-700 bg-red-50 p-3 font-semibold">
          这个时间已经没有空位了，原来的预约没有改变。请重新选择。
        </p>
      )}
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="start" value={start} />
      {lawyerId && <input type="hidden" name="lawyerId" value={lawyerId} />}
      <div className="flex flex-col gap-3 sm:flex-row">
        {available && !state && (
          <button type="submit" disabled={pending} className={primaryButton}>
            {pending ? "正在改期…" : "确认改到这个时间"}
          </button>
        )}
        <Link href={backHref} className={secondaryButton}>
          重新选择时间
        </Link>
      </div>
    </form>
  );
}
