"use client";

// The villager's booking form. The server action is the form's action, so it works the same with
// JavaScript off (a plain POST, the page rendered again with the answer) and on (useActionState).
import Link from "next/link";
import { useActionState } from "react";
import { createBookingAction, type PublicFormState } from "@/lib/booking/actions";
import { NOTE_MAX, PRIORITY_GROUPS } from "@/lib/booking/schema";
import { ErrorSummary } from "./error-summary";
import { CheckboxField, Field, FieldError, inputClass, primaryButton, textLink } from "./form-field";

type Option = { value: string; label: string };

export type BookingFormProps = {
  venue: { slug: string; name: string; address: string };
  /** The slot chosen on the venue page, when it is still free. */
  chosen: { value: string; date: string; time: string; lawyer: string } | null;
  /** Every free choice on the same day, offered when the chosen one is gone. */
  sameDay: Option[];
  dateHref: string;
  topics: Option[];
  villages: string[];
};

/** Error keys from the schema, in the order of the form, and the control each one points to. */
const FIELD_ORDER: [string, string][] = [
  ["slot", "book-slot"],
  ["name", "book-name"],
  ["phone", "book-phone"],
  ["village", "book-village"],
  ["topic", "book-topic"],
  ["priorityGroup", "book-priorityGroup"],
  ["description", "book-description"],
  ["noteConsent", "book-noteConsent"],
  ["onBehalfOf.name", "book-onBehalfOfName"],
  ["onBehalfOf.relation", "book-onBehalfOfRelation"],
  ["consent", "book-consent"],
];

export function BookingForm({ venue, chosen, sameDay, dateHref, topics, villages }: BookingFormProps) {
  const [state, action, pending] = useActionState<PublicFormState, FormData>(createBookingAction, null);
  const fields = state?.fields ?? {};
  const v = (name: string) => state?.values?.[name] ?? "";
  const summary = FIELD_ORDER.filter(([key]) => fields[key]).map(([key, id]) => ({ id, message: fields[key] }));
  // The chosen time was taken meanwhile: offer the day's other times instead of sending them back.
  const rechoose = !chosen || Boolean(fields.slot);
  const failed = fields.slot ? v("slot") : undefined;
  const options = sameDay.filter((o) => o.value !== failed);
  const slotError = fields.slot ?? (chosen ? undefined : "您选的时间已经没有空位了。");

  return (
    <form action={action} noValidate className="space-y-6">
      {state && <ErrorSummary key={state.attempt} message={state.message} errors={summary} />}
      {/* Remount the fields after each answer so that selects show the values sent back. */}
      <div key={state?.attempt ?? 0} className="space-y-6">
        <input type="hidden" name="venue" value={venue.slug} />
        {rechoose ? (
          <fieldset className="space-y-2" aria-describedby={slotError ? "book-slot-error" : undefined}>
            <legend className="text-lg font-bold">预约时间</legend>
            <FieldError id="book-slot-error" error={slotError} />
            {options.length === 0 ? (
              <p>
                这一天已经没有空位了。
                <Link href={dateHref} className={textLink}>
                  选择其他日期
                </Link>
              </p>
            ) : (
              <>
                <p>请从这一天还有空位的时间中选一个：</p>
                {options.map((option, index) => (
                  <label key={option.value} className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg py-1">
                    <input
                      id={index === 0 ? "book-slot" : undefined}
                      type="radio"
                      name="slot"
                      value={option.value}
                      defaultChecked={!fields.slot && v("slot") === option.value}
                      className="h-7 w-7 shrink-0 accent-brand-700"
                    />
                    <span>{option.label}</span>
                  </label>
                ))}
              </>
            )}
          </fieldset>
        ) : (
          <section aria-labelledby="chosen-slot" className="space-y-1 rounded-xl border-2 border-brand-700 bg-brand-50 p-4">
            <h2 id="chosen-slot" className="text-lg font-bold">
              您选的时间
            </h2>
            <input type="hidden" name="slot" value={chosen.value} />
            <p id="book-slot" tabIndex={-1} className="text-lg font-semibold">
              {chosen.date} {chosen.time}
            </p>
            <p>
              {venue.name}（{venue.address}）
            </p>
            <p>律师：{chosen.lawyer}</p>
            <Link href={dateHref} className={textLink}>
              换一个时间
            </Link>
          </section>
        )}

        <Field id="book-name" label="姓名" hint="来咨询的人的姓名" error={fields.name}>
          {(p) => <input {...p} name="name" autoComplete="name" required defaultValue={v("name")} className={inputClass} />}
        </Field>
        <Field id="book-phone" label="手机号码" hint="11 位，例如 13812345678。查询、改期或取消预约时要用。" error={fields.phone}>
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
        <Field id="book-village" label="住在哪个村（社区）（选填）" error={fields.village}>
          {(p) => (
            <select {...p} name="village" defaultValue={v("village")} className={inputClass}>
              <option value="">请选择</option>
              {villages.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
              <option value="其他">其他</option>
            </select>
          )}
        </Field>
        <Field id="book-topic" label="想咨询什么事" error={fields.topic}>
          {(p) => (
            <select {...p} name="topic" required defaultValue={v("topic")} className={inputClass}>
              <option value="">请选择</option>
              {topics.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="book-priorityGroup"
          label="需要照顾的情况（选填）"
          hint="例如行动不便，我们会优先安排。"
          error={fields.priorityGroup}
        >
          {(p) => (
            <select {...p} name="priorityGroup" defaultValue={v("priorityGroup")} className={inputClass}>
              <option value="">无</option>
              {Object.entries(PRIORITY_GROUPS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="book-description"
          label={`备注（选填，最多 ${NOTE_MAX} 字）`}
          hint="简单说说是什么事，方便律师准备。不要填写身份证号码。如填写备注，请勾选下面的同意框。"
          error={fields.description}
        >
          {(p) => (
            <textarea
              {...p}
              name="description"
              rows={4}
              maxLength={NOTE_MAX}
              defaultValue={v("description")}
              className={inputClass}
            />
          )}
        </Field>
        <CheckboxField
          id="book-noteConsent"
          name="noteConsent"
          defaultChecked={v("noteConsent") === "on"}
          error={fields.noteConsent}
          label="同意处理备注中的敏感个人信息：备注可能涉及健康、家庭等情况，我同意睦洲司法所和接待律师只为这次咨询查看。"
        />

        <fieldset className="space-y-3 rounded-xl border-2 border-gray-300 p-4">
          <legend className="px-1 text-lg font-bold">代别人预约（选填）</legend>
          <CheckboxField
            id="book-onBehalf"
            name="onBehalf"
            defaultChecked={v("onBehalf") === "on"}
            label="我是代别人预约（例如替父母预约）"
            hint="上面填的是来咨询的人。代别人预约时，请勾选并填写您自己的姓名和关系。"
          />
          <Field id="book-onBehalfOfName" label="您的姓名（代为预约的人）" error={fields["onBehalfOf.name"]}>
            {(p) => (
              <input {...p} name="onBehalfOfName" autoComplete="off" defaultValue={v("onBehalfOfName")} className={inputClass} />
            )}
          </Field>
          <Field
            id="book-onBehalfOfRelation"
            label="您和来咨询的人是什么关系"
            hint="例如 子女、亲戚、社工、村干部"
            error={fields["onBehalfOf.relation"]}
          >
            {(p) => (
              <input
                {...p}
                name="onBehalfOfRelation"
                autoComplete="off"
                defaultValue={v("onBehalfOfRelation")}
                className={inputClass}
              />
            )}
          </Field>
        </fieldset>

        <section aria-labelledby="notice-title" className="space-y-2 rounded-xl border-2 border-gray-300 bg-gray-50 p-4">
          <h2 id="notice-title" className="text-lg font-bold">
            个人信息告知
          </h2>
          <p>
            江门市新会区睦洲镇人民政府（睦洲司法所）收集您填写的姓名、手机号码、村（社区）、咨询事项和备注，只用于安排这次免费法律咨询和联系您。
          </p>
          <p>信息在咨询结束后保存 3 年，然后删除。想提前删除或撤回同意，请致电工作站或拨打 12348。</p>
          <p>
            <Link href="/privacy" className={textLink}>
              阅读完整的个人信息告知
            </Link>
          </p>
        </section>
        <CheckboxField
          id="book-consent"
          name="consent"
          required
          defaultChecked={v("consent") === "on"}
          error={fields.consent}
          label="我已阅读个人信息告知，同意按上面的方式处理我的个人信息。"
        />
      </div>
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? "正在提交…" : "确认预约"}
      </button>
    </form>
  );
}
