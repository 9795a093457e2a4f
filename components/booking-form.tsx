"use client";

// The villager's booking form. The server action is the form's action, so it works the same with
// JavaScript off (a plain POST, the page rendered again with the answer) and on (useActionState).
import {
  ActionForm,
  CheckboxField,
  FieldError,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextareaField,
  TextField,
  textLink,
  useField,
} from "@/components/form";
import { LargeTextButton } from "@/components/large-text-switch";
import { createBookingAction } from "@/lib/booking/actions";
import { NOTE_MAX } from "@/lib/booking/rules";
import { optionsOf, PRIORITY_GROUPS } from "@/lib/labels";

type Option = { value: string; label: string };

export type BookingFormProps = {
  venue: { slug: string; name: string; address: string };
  /** Who processes the booking: the venue's town (江门市新会区睦洲镇人民政府, 睦洲司法所). */
  town: { government: string; officeName: string };
  /** Made with the page: the same form sent twice is one booking (lib/booking/mutations.ts). */
  formKey: string;
  /** The slot chosen on the venue page, when it is still free. */
  chosen: { value: string; date: string; time: string; lawyer: string } | null;
  /** Every free choice on the same day, offered when the chosen one is gone. */
  sameDay: Option[];
  dateHref: string;
  topics: Option[];
  villages: string[];
  /** 长辈模式 is on (its switch is offered beside the phone field too). */
  largeText: boolean;
};

/** The errors in the summary in the order of the form. */
const ORDER = [
  "slot",
  "name",
  "phone",
  "village",
  "topic",
  "priorityGroup",
  "description",
  "noteConsent",
  "onBehalfOf.name",
  "onBehalfOf.relation",
  "another",
  "consent",
];

// Kept short for a 360 px phone: what only some need shows only when asked for, without JavaScript
// too (the note's consent once a note is typed, the proxy's fields once the box is ticked), and the
// consent everyone gives sits where it is read, after the notice, just before the button.
export function BookingForm({ venue, town, formKey, chosen, sameDay, dateHref, topics, villages, largeText }: BookingFormProps) {
  return (
    <ActionForm action={createBookingAction} idPrefix="book" label="预约信息" order={ORDER}>
      <input type="hidden" name="venue" value={venue.slug} />
      <input type="hidden" name="formKey" value={formKey} />
      <SlotField venue={venue} chosen={chosen} sameDay={sameDay} dateHref={dateHref} />
      <TextField name="name" label="姓名" hint="来咨询的人的姓名" autoComplete="name" required />
      <TextField
        name="phone"
        label="手机号码"
        hint="11 位，例如 13812345678。查询、改期或取消预约时要用。"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        required
      />
      {/* After the phone field in reading and tab order: the size where the typing is (issue 22 item 13). */}
      <p className="-mt-3">
        字太小？
        <LargeTextButton largeText={largeText} />
      </p>
      <SelectField
        name="village"
        label="住在哪个村（社区）（选填）"
        placeholder="请选择"
        options={[...villages, "其他"].map((name) => ({ value: name, label: name }))}
      />
      <SelectField name="topic" label="想咨询什么事" placeholder="请选择" options={topics} required />
      <SelectField
        name="priorityGroup"
        label="需要照顾的情况（选填）"
        hint="例如行动不便，我们会优先安排。"
        placeholder="无"
        options={optionsOf(PRIORITY_GROUPS)}
      />
      <TextareaField
        name="description"
        label={`备注（选填，最多 ${NOTE_MAX} 字）`}
        hint="简单说说是什么事，方便律师准备。不要填写身份证号码。"
        maxLength={NOTE_MAX}
        rows={3}
        whenFilled={
          <CheckboxField
            name="noteConsent"
            label={`同意处理备注中的敏感个人信息（填了备注才需要勾选）：备注可能涉及健康、家庭等情况，我同意${town.officeName}和接待律师只为这次咨询查看。`}
          />
        }
      />
      <CheckboxField
        name="onBehalf"
        label="我是替别人预约（例如替父母预约）"
        hint="上面填的是来咨询的人。替别人预约时，勾选后再填您自己的姓名和关系。"
      >
        <TextField name="onBehalfOf.name" label="您的姓名（代为预约的人）" autoComplete="off" />
        <TextField
          name="onBehalfOf.relation"
          label="您和来咨询的人是什么关系"
          hint="例如 子女、亲戚、社工、村干部"
          autoComplete="off"
        />
      </CheckboxField>
      <AnotherBookingField />

      <section aria-labelledby="notice-title" className="space-y-2 rounded-xl border-2 border-gray-300 bg-gray-50 p-4">
        <h2 id="notice-title" className="text-lg font-bold">
          个人信息告知
        </h2>
        <p>
          {town.government}（{town.officeName}
          ）收集您填写的姓名、手机号码、村（社区）、咨询事项和备注，只用于安排这次免费法律咨询和联系您，咨询结束后保存 3
          年再删除。想提前删除或撤回同意，请致电工作站或拨打 12348。
          <a href="/privacy" className={textLink}>
            阅读完整的个人信息告知
          </a>
        </p>
        <CheckboxField name="consent" required label="我已阅读个人信息告知，同意按上面的方式处理我的个人信息。" />
      </section>
      <SubmitButton>确认预约</SubmitButton>
    </ActionForm>
  );
}

/**
 * The time: the one chosen on the venue page while it is free; when it is gone (taken meanwhile,
 * or refused on submit) the day's other free times to choose from instead.
 */
function SlotField({ venue, chosen, sameDay, dateHref }: Pick<BookingFormProps, "venue" | "chosen" | "sameDay" | "dateHref">) {
  const { id, error, submitted } = useField("slot");
  if (chosen && !error) {
    return (
      <section aria-labelledby="chosen-slot" className="space-y-1 rounded-xl border-2 border-brand-700 bg-brand-50 p-4">
        <h2 id="chosen-slot" className="text-lg font-bold">
          您选的时间
        </h2>
        <input type="hidden" name="slot" value={chosen.value} />
        <p id={id} tabIndex={-1} className="text-lg font-semibold">
          <span className="whitespace-nowrap">{chosen.date}</span> <span className="whitespace-nowrap">{chosen.time}</span>
        </p>
        <p>
          {venue.name}（{venue.address}）
        </p>
        {/* Another time: the back link above the heading, one link for one way back. */}
        <p>律师：{chosen.lawyer}</p>
      </section>
    );
  }
  // The refused time is not offered again, even while the page still lists it.
  const options = error ? sameDay.filter((option) => option.value !== submitted) : sameDay;
  if (options.length === 0) {
    return (
      <section aria-labelledby="slot-title" className="space-y-2">
        <h2 id="slot-title" className="text-lg font-bold">
          预约时间
        </h2>
        <FieldError id={`${id}-error`} error={error ?? "您选的时间已经没有空位了。"} />
        <p id={id} tabIndex={-1}>
          这一天已经没有空位了。
          <a href={dateHref} className={textLink}>
            选择其他日期
          </a>
        </p>
      </section>
    );
  }
  return (
    <RadioGroup
      name="slot"
      legend="预约时间"
      hint={
        <>
          {!error && <span className="block font-semibold text-red-800">您选的时间已经没有空位了。</span>}
          请从这一天还有空位的时间中选一个：
        </>
      }
      options={options}
    />
  );
}

/**
 * Shown only after the answer said this phone already holds an upcoming booking here: the way to
 * the booking they have, and the tick that books another anyway. Nothing shows before, so the form
 * stays as short as it was for everyone else.
 */
function AnotherBookingField() {
  const { error, submitted } = useField("another");
  if (!error && !submitted) return null;
  return (
    <section aria-labelledby="another-title" className="space-y-3 rounded-xl border-2 border-amber-700 bg-amber-50 p-4">
      <h2 id="another-title" className="text-lg font-bold">
        您在这里已经有一个预约
      </h2>
      <p>
        预约成功时页面上有预约号。
        <a href="/bookings/lookup" className={textLink}>
          用预约号和手机号码查看原来的预约
        </a>
        ，可以在那里改时间或取消。
      </p>
      <CheckboxField name="another" label="我知道已有预约，仍要再约一个" />
    </section>
  );
}
