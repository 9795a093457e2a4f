"use client";

// The waitlist's forms (lib/waitlist/actions.ts): join a venue's list, look up or leave an entry,
// and answer an offer on the held booking's page. Each works without JavaScript too.
import {
  ActionForm,
  CheckboxField,
  DateField,
  type Option,
  SelectField,
  SubmitButton,
  secondaryButton,
  TextField,
} from "@/components/form";
import {
  acceptOfferAction,
  declineOfferAction,
  joinWaitlistAction,
  leaveWaitlistAction,
  lookUpWaitlistAction,
} from "@/lib/waitlist/actions";

type JoinProps = {
  venue: string;
  /** Who keeps the entry: the venue's town's judicial office (睦洲司法所). */
  office: string;
  topics: Option[];
  first: string;
  last: string;
  from?: string;
  to?: string;
};

/** Name, mobile, what about, the dates one can come, consent. */
export function JoinWaitlistForm({ venue, office, topics, first, last, from, to }: JoinProps) {
  return (
    <ActionForm
      action={joinWaitlistAction}
      idPrefix="wl"
      label="登记候补"
      order={["name", "phone", "topic", "from", "to", "consent"]}
    >
      <input type="hidden" name="venue" value={venue} />
      <TextField name="name" label="姓名" autoComplete="name" required />
      <TextField
        name="phone"
        label="手机号码"
        hint="有空位时发短信到这个号码，例如 13812345678"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        required
      />
      <SelectField name="topic" label="想咨询什么事" placeholder="请选择" options={topics} required />
      <DateField
        name="from"
        label="最早哪天能来"
        hint={`不填就是从今天起；例如 ${first}`}
        min={first}
        max={last}
        defaultValue={from}
      />
      <DateField name="to" label="最晚哪天能来" hint={`不填就是到 ${last} 为止`} min={first} max={last} defaultValue={to} />
      <CheckboxField
        name="consent"
        required
        label={`我同意${office}保存我的姓名、手机号码和咨询事项，只用于有空位时发短信通知我；候补结束后按个人信息告知删除。`}
      />
      <SubmitButton pendingText="正在登记…">登记候补</SubmitButton>
    </ActionForm>
  );
}

/** On the entry's page, with the phone it was made with. */
export function WaitlistLookupForm({ id }: { id: string }) {
  return (
    <ActionForm action={lookUpWaitlistAction} idPrefix="wlookup" label="查看我的候补" order={["phone"]}>
      <input type="hidden" name="id" value={id} />
      <TextField
        name="phone"
        label="手机号码"
        hint="登记候补时留的手机号码"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        required
      />
      <SubmitButton pendingText="正在查询…">查看候补</SubmitButton>
    </ActionForm>
  );
}

export function LeaveWaitlistForm({ id }: { id: string }) {
  return (
    <ActionForm action={leaveWaitlistAction} idPrefix="wleave" label="不再候补" order={[]}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton pendingText="正在退出…" className={secondaryButton}>
        不再候补
      </SubmitButton>
    </ActionForm>
  );
}

/** A slot held for the villager: take it, or let the next person have it. */
export function OfferForms({ code }: { code: string }) {
  return (
    <div className="flex flex-col gap-3 sm:flex-row">
      <ActionForm action={acceptOfferAction} idPrefix="accept" label="确认预约这个时间" order={[]}>
        <input type="hidden" name="code" value={code} />
        <SubmitButton pendingText="正在确认…">确认预约这个时间</SubmitButton>
      </ActionForm>
      <ActionForm action={declineOfferAction} idPrefix="decline" label="不要这个时间" order={[]}>
        <input type="hidden" name="code" value={code} />
        <SubmitButton pendingText="正在处理…" className={secondaryButton}>
          不要这个时间，继续候补
        </SubmitButton>
      </ActionForm>
    </div>
  );
}
