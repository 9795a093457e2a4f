"use client";

import { ActionForm, type Option, RadioGroup, SubmitButton, secondaryButton, TextField } from "@/components/form";
import { staffCancelAction, staffMoveAction, staffReassignAction } from "@/lib/booking/actions";

export function MoveForm({ code, slots }: { code: string; slots: Option[] }) {
  return (
    <ActionForm action={staffMoveAction} idPrefix="move" label="改期" order={["slot", "reason"]} className="space-y-4">
      <input type="hidden" name="code" value={code} />
      <RadioGroup name="slot" legend="新的时间" options={slots} />
      <TextField name="reason" label="改期原因" />
      <SubmitButton pendingText="正在改期…">确认改期</SubmitButton>
    </ActionForm>
  );
}

export function CancelForm({ code }: { code: string }) {
  return (
    <ActionForm action={staffCancelAction} idPrefix="cancel" label="取消预约" order={["reason"]} className="space-y-4">
      <input type="hidden" name="code" value={code} />
      <TextField name="reason" label="取消原因" />
      <SubmitButton pendingText="正在取消…" className={secondaryButton}>
        取消这个预约
      </SubmitButton>
    </ActionForm>
  );
}

export function ReassignForm({ code, lawyers }: { code: string; lawyers: Option[] }) {
  return (
    <ActionForm action={staffReassignAction} idPrefix="reassign" label="改派律师" order={["lawyerId"]} className="space-y-4">
      <input type="hidden" name="code" value={code} />
      <RadioGroup name="lawyerId" legend="改由哪位律师接待" options={lawyers} />
      <SubmitButton pendingText="正在改派…">确认改派并通知村民</SubmitButton>
    </ActionForm>
  );
}
