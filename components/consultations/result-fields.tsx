"use client";

// What a lawyer records about any consultation, booked or walk-in: the outcomes, the time spent and
// a private note. The walk-in form and the result form both end with these.
import { CheckboxGroup, TextareaField, TextField } from "@/components/form";
import { LAWYER_NOTE_MAX, MINUTES_MAX } from "@/lib/consultations/rules";
import { OUTCOME_NAMES, OUTCOME_REPORT_WORDS, OUTCOMES } from "@/lib/labels";

// Where the report counts an outcome in other words, the box says so: what is ticked is what the
// inspector reads in the year's figures.
const OUTCOME_OPTIONS = OUTCOME_NAMES.map((outcome) => {
  const words: string | undefined = OUTCOME_REPORT_WORDS[outcome as keyof typeof OUTCOME_REPORT_WORDS];
  return {
    value: outcome,
    label: OUTCOMES[outcome],
    detail:
      words && words !== OUTCOMES[outcome].replace("/", "") ? (
        <span className="block text-base text-gray-700">年报计入“{words}”</span>
      ) : undefined,
  };
});

export function ResultFields({
  initial,
  noteRows,
}: {
  initial?: { outcomes: string[]; minutesSpent: number | null; lawyerNote: string | null };
  noteRows?: number;
}) {
  return (
    <>
      <CheckboxGroup
        name="outcomes"
        legend="服务结果（可多选）"
        options={OUTCOME_OPTIONS}
        defaultValue={initial?.outcomes}
        columns
      />
      <TextField
        name="minutesSpent"
        label="用时（分钟）"
        hint={`填写整数，例如 30；最多 ${MINUTES_MAX}。`}
        type="number"
        inputMode="numeric"
        min={1}
        max={MINUTES_MAX}
        defaultValue={initial?.minutesSpent}
        className="max-w-40"
      />
      <TextareaField
        name="lawyerNote"
        label="律师备注（选填，仅您本人和司法所可见）"
        maxLength={LAWYER_NOTE_MAX}
        rows={noteRows}
        defaultValue={initial?.lawyerNote}
      />
    </>
  );
}
