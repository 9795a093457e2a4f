"use client";

import { ActionForm, DateField, type Option, SelectField, SubmitButton, TextField } from "@/components/form";
import { recordWalkInAction } from "@/lib/consultations/actions";
import { optionsOf, PRIORITY_GROUPS } from "@/lib/labels";
import { ResultFields } from "./result-fields";

/**
 * A consultation with someone who came without a booking. After a refusal every control shows
 * what was sent (the venue too: it used to fall back to the first one); after a save the form
 * starts afresh, ready for the next person.
 */
export function WalkInForm({
  venues,
  topics,
  lawyers,
  defaults,
}: {
  venues: Option[];
  topics: Option[];
  /** Staff record for a lawyer they choose; a lawyer's own records need no choice. */
  lawyers?: Option[];
  defaults: { date: string; time: string; venueId?: string };
}) {
  return (
    <ActionForm action={recordWalkInAction} idPrefix="walk-in" label="现场咨询记录">
      {lawyers && <SelectField name="lawyerId" label="接待律师" placeholder="请选择" options={lawyers} />}
      <SelectField name="venueId" label="服务地点" options={venues} defaultValue={defaults.venueId ?? venues[0]?.value} />
      <div className="grid gap-4 sm:grid-cols-2">
        <DateField name="date" label="日期" defaultValue={defaults.date} />
        <TextField name="time" label="开始时间" hint="例如 09:30" type="time" defaultValue={defaults.time} />
      </div>
      <TextField name="name" label="服务对象姓名" autoComplete="off" maxLength={40} />
      <TextField
        name="phone"
        label="联系电话（选填）"
        hint="手机号码或带区号的固定电话"
        type="tel"
        inputMode="tel"
        autoComplete="off"
      />
      <TextField name="village" label="村居（选填）" hint="服务对象所在的村或社区" maxLength={40} />
      <SelectField name="topic" label="咨询事项" placeholder="请选择" options={topics} />
      <SelectField
        name="priorityGroup"
        label="重点服务对象（选填）"
        placeholder="不属于 / 未询问"
        options={optionsOf(PRIORITY_GROUPS)}
      />
      <ResultFields noteRows={3} />
      <SubmitButton pendingText="正在保存…">保存现场咨询记录</SubmitButton>
    </ActionForm>
  );
}
