"use client";

import { ActionForm, DateField, type Option, SelectField, SubmitButton, TextField } from "@/components/form";
import { recordWalkInAction, updateWalkInAction } from "@/lib/consultations/actions";
import { optionsOf, PRIORITY_GROUPS } from "@/lib/labels";
import { ResultFields } from "./result-fields";

/** What the form starts with: today's date and time for a new record, the record itself for a correction. */
export type WalkInDefaults = {
  date: string;
  time: string;
  venueId?: string;
  lawyerId?: string;
  name?: string;
  phone?: string | null;
  village?: string | null;
  topic?: string;
  priorityGroup?: string | null;
  outcomes?: string[];
  minutesSpent?: number | null;
  lawyerNote?: string | null;
};

/**
 * A consultation with someone who came without a booking, or (`walkInId`) the correction of one.
 * After a refusal every control shows what was sent (the venue too: it used to fall back to the
 * first one); after a new record is saved the form starts afresh, ready for the next person at
 * the same venue.
 */
export function WalkInForm({
  venues,
  topics,
  lawyers,
  defaults,
  walkInId,
}: {
  venues: Option[];
  topics: Option[];
  /** Staff record for a lawyer they choose; a lawyer's own records need no choice. */
  lawyers?: Option[];
  defaults: WalkInDefaults;
  /** The record corrected; without it a new one is recorded. */
  walkInId?: string;
}) {
  return (
    <ActionForm
      action={walkInId ? updateWalkInAction : recordWalkInAction}
      idPrefix="walk-in"
      label={walkInId ? "修改现场咨询记录" : "现场咨询记录"}
    >
      {(state) => (
        <>
          {walkInId && <input type="hidden" name="walkInId" value={walkInId} />}
          {lawyers && (
            <SelectField
              name="lawyerId"
              label="接待律师"
              placeholder="请选择"
              options={lawyers}
              defaultValue={defaults.lawyerId}
            />
          )}
          <SelectField
            name="venueId"
            label="服务地点"
            options={venues}
            defaultValue={state?.data?.venueId ?? defaults.venueId ?? venues[0]?.value}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <DateField name="date" label="日期" defaultValue={defaults.date} />
            <TextField name="time" label="开始时间" hint="例如 09:30" type="time" defaultValue={defaults.time} />
          </div>
          <TextField name="name" label="服务对象姓名" autoComplete="off" maxLength={40} defaultValue={defaults.name} />
          <TextField
            name="phone"
            label="联系电话（选填）"
            hint="手机号码或带区号的固定电话"
            type="tel"
            inputMode="tel"
            autoComplete="off"
            defaultValue={defaults.phone}
          />
          <TextField
            name="village"
            label="村居（选填）"
            hint="服务对象所在的村或社区"
            maxLength={40}
            defaultValue={defaults.village}
          />
          <SelectField name="topic" label="咨询事项" placeholder="请选择" options={topics} defaultValue={defaults.topic} />
          <SelectField
            name="priorityGroup"
            label="重点服务对象（选填）"
            placeholder="不属于 / 未询问"
            options={optionsOf(PRIORITY_GROUPS)}
            defaultValue={defaults.priorityGroup ?? undefined}
          />
          <ResultFields
            noteRows={3}
            initial={
              defaults.outcomes
                ? {
                    outcomes: defaults.outcomes,
                    minutesSpent: defaults.minutesSpent ?? null,
                    lawyerNote: defaults.lawyerNote ?? null,
                  }
                : undefined
            }
          />
          <SubmitButton pendingText="正在保存…">{walkInId ? "保存修改" : "保存现场咨询记录"}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
