"use client";

import { useActionState } from "react";
import { FormStatus, inputClass, secondaryButton } from "@/components/consultations/form-parts";
import { type HandleCallbackState, handleCallbackAction } from "@/lib/stats/actions";

/** Marks one call-back request handled, with a note; a plain form post when JavaScript is off. */
export function CallbackForm({ id, who }: { id: string; who: string }) {
  const [state, formAction, pending] = useActionState<HandleCallbackState, FormData>(handleCallbackAction, null);
  const error = state && !state.ok ? state.fields?.note : undefined;
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <label htmlFor={`cb-note-${id}`} className="block font-semibold">
        处理说明（{who}）
      </label>
      {error && (
        <p id={`cb-note-${id}-error`} className="font-semibold text-red-800">
          错误：{error}
        </p>
      )}
      <textarea
        id={`cb-note-${id}`}
        name="note"
        rows={2}
        maxLength={200}
        className={`${inputClass} py-2`}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `cb-note-${id}-error` : undefined}
      />
      <button type="submit" disabled={pending} className={secondaryButton}>
        {pending ? "正在保存…" : `标记为已处理：${who}`}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
