"use client";

import {
  ActionForm,
  CheckboxField,
  type Option,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextareaField,
  TextField,
} from "@/components/form";
import { staffCreateBookingAction } from "@/lib/booking/actions";
import { NOTE_MAX, STAFF_CHANNELS } from "@/lib/booking/rules";
import { CHANNELS, optionsOf, PRIORITY_GROUPS } from "@/lib/labels";

const ORDER = [
  "slot",
  "channel",
  "name",
  "phone",
  "village",
  "topic",
  "description",
  "priorityGroup",
  "onBehalfOf.name",
  "onBehalfOf.relation",
  "consent",
];

export function StaffBookingForm({
  venue,
  formKey,
  slots,
  topics,
  villages,
}: {
  venue: string;
  /** Made with the page: the same form sent twice is one booking. */
  formKey: string;
  slots: Option[];
  topics: Option[];
  villages: string[];
}) {
  return (
    <ActionForm action={staffCreateBookingAction} idPrefix="staff-book" label="代为预约" order={ORDER}>
      <input type="hidden" name="venue" value={venue} />
      <input type="hidden" name="formKey" value={formKey} />
      <RadioGroup name="slot" legend="时间和律师" options={slots} />
      <SelectField
        name="channel"
        label="预约来源"
        options={STAFF_CHANNELS.map((value) => ({ value, label: CHANNELS[value] }))}
        defaultValue="PHONE"
      />
      <TextField name="name" label="姓名" autoComplete="off" />
      <TextField name="phone" label="联系电话" hint="手机号码或带区号的固定电话" inputMode="tel" autoComplete="off" />
      <SelectField
        name="village"
        label="居住的村（社区）"
        placeholder="不清楚 / 其他"
        options={villages.map((name) => ({ value: name, label: name }))}
      />
      <SelectField name="topic" label="咨询事项" placeholder="请选择" options={topics} />
      <TextareaField name="description" label={`情况简述（选填，最多 ${NOTE_MAX} 字）`} maxLength={NOTE_MAX} rows={3} />
      <SelectField name="priorityGroup" label="需要照顾的情况（选填）" placeholder="无" options={optionsOf(PRIORITY_GROUPS)} />
      <TextField name="onBehalfOf.name" label="代为联系的人（选填）" hint="例如子女、社工、村干部的姓名" />
      <TextField name="onBehalfOf.relation" label="与当事人的关系（选填）" />
      <CheckboxField name="consent" label="已向当事人说明个人信息的用途和保存期限，当事人同意登记。" />
      <SubmitButton pendingText="正在预约…">确认预约</SubmitButton>
    </ActionForm>
  );
}
