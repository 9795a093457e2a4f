"use client";

import { ActionForm, SubmitButton, smallPrimaryButton, TextareaField, TextField } from "@/components/form";
import { correctAttendanceAction, recordMissedAttendanceAction } from "@/lib/attendance/actions";
import { CORRECTION_REASON_MAX } from "@/lib/attendance/rules";

/** The session a 补录 is for: a duty session that ended with nobody signed in. */
export type MissedSessionRef = { lawyerId: string; venueId: string; date: string; startMinute: number };

/**
 * Staff set an attendance's times on its own date, and why (recorded with it and in the audit
 * log): a correction of one recorded (`attendance.id`), or the 补录 of a session nobody signed in
 * to (`missed`).
 */
export function CorrectAttendanceForm({
  attendance,
  missed,
}: {
  attendance: { id: string; label: string; arrived: string; left: string };
  missed?: MissedSessionRef;
}) {
  const verb = missed ? "补录" : "更正";
  return (
    <ActionForm
      action={missed ? recordMissedAttendanceAction : correctAttendanceAction}
      idPrefix={`${missed ? "missed" : "correct"}-${attendance.id}`}
      label={`${verb}签到：${attendance.label}`}
    >
      {missed ? (
        <>
          <input type="hidden" name="lawyerId" value={missed.lawyerId} />
          <input type="hidden" name="venueId" value={missed.venueId} />
          <input type="hidden" name="date" value={missed.date} />
          <input type="hidden" name="startMinute" value={missed.startMinute} />
        </>
      ) : (
        <input type="hidden" name="attendanceId" value={attendance.id} />
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="arrived" label="签到时间" hint="例如 09:00" type="time" defaultValue={attendance.arrived} />
        <TextField name="left" label="签退时间" hint="例如 11:30" type="time" defaultValue={attendance.left} />
      </div>
      <TextareaField
        name="reason"
        label={`${verb}原因`}
        hint={
          missed
            ? "写明依据，例如“律师到了但忘了签到，村委会证明 14:30–17:30 在场”。会记入操作记录。"
            : "写明依据，例如“律师忘了签退，村委会证明 11:30 离开”。会记入操作记录。"
        }
        maxLength={CORRECTION_REASON_MAX}
        rows={2}
      />
      <SubmitButton pendingText="正在保存…" className={smallPrimaryButton}>
        保存{verb}
      </SubmitButton>
    </ActionForm>
  );
}
