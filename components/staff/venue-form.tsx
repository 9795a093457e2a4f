"use client";

import { ActionForm, CheckboxField, SubmitButton, TextareaField, TextField } from "@/components/form";
import { updateVenueAction } from "@/lib/venues/actions";
import { HORIZON_DAYS, MIN_NOTICE_MAX, SLOT_MINUTES } from "@/lib/venues/rules";
import type { VenueInput } from "@/lib/venues/schema";

/** What the form edits: the stored venue, by the names of the schema the action parses. */
export type VenueFormValues = VenueInput & { id: string };

const number = { type: "number", inputMode: "numeric", className: "max-w-40" } as const;

/** A venue's details. After a save the controls show what was stored (the page is refreshed). */
export function VenueForm({ venue }: { venue: VenueFormValues }) {
  return (
    <ActionForm action={updateVenueAction} idPrefix="venue" label="服务地点信息">
      <input type="hidden" name="venueId" value={venue.id} />
      <TextField name="name" label="名称" maxLength={60} defaultValue={venue.name} />
      <TextField name="village" label="所属村居（选填）" maxLength={40} defaultValue={venue.village} />
      <TextField
        name="address"
        label="地址"
        hint="村民按这个地址找到地方，请写清楚。"
        maxLength={200}
        defaultValue={venue.address}
      />
      <TextField
        name="phone"
        label="联系电话（选填）"
        hint="手机号码或带区号的固定电话，例如 0750-6123456"
        type="tel"
        inputMode="tel"
        defaultValue={venue.phone}
      />
      <TextareaField
        name="openingNotes"
        label="开放说明（选填）"
        hint="例如：逢周三下午律师坐班，节假日不开放。"
        rows={3}
        maxLength={300}
        defaultValue={venue.openingNotes}
      />
      <TextField
        {...number}
        name="slotMinutes"
        label="每个预约时段（分钟）"
        hint={`${SLOT_MINUTES.min} 到 ${SLOT_MINUTES.max} 之间的整数`}
        min={SLOT_MINUTES.min}
        max={SLOT_MINUTES.max}
        defaultValue={venue.slotMinutes}
      />
      <TextField
        {...number}
        name="minNoticeMinutes"
        label="最少提前多少分钟预约"
        hint="0 表示随时可约；120 表示至少提前 2 小时。"
        min={0}
        max={MIN_NOTICE_MAX}
        defaultValue={venue.minNoticeMinutes}
      />
      <TextField
        {...number}
        name="horizonDays"
        label="最多提前多少天预约"
        hint={`${HORIZON_DAYS.min} 到 ${HORIZON_DAYS.max} 之间的整数，例如 28`}
        min={HORIZON_DAYS.min}
        max={HORIZON_DAYS.max}
        defaultValue={venue.horizonDays}
      />
      <CheckboxField name="isDemonstration" label="示范点" defaultChecked={venue.isDemonstration} />
      <CheckboxField
        name="offHoursBooking"
        label="村民可以预约 07:00 前和 21:00 后的时间"
        hint="一般不勾选：律师在夜间值班时，村民也只能预约 07:00 到 21:00 之间的时间。"
        defaultChecked={venue.offHoursBooking}
      />
      <CheckboxField
        name="active"
        label="接受预约（开放中）"
        hint="取消勾选后，这个地点不再出现在预约页面，也不能新约；已有的预约和记录都会保留。"
        defaultChecked={venue.active}
      />
      <CheckboxField
        name="confirmed"
        label="已核实，向村民公开"
        hint="未核实的地点不在预约页面上显示，村民打不开也约不了；核实并改好名称、地址后再勾选。"
        defaultChecked={venue.confirmed}
      />
      <SubmitButton pendingText="正在保存…">保存服务地点</SubmitButton>
    </ActionForm>
  );
}
