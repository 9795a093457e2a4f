"use client";

import { ActionForm, CheckboxField, SubmitButton, TextField } from "@/components/form";
import { requestCallbackAction } from "@/lib/demand/actions";

/**
 * "Nothing free? Leave your number and we will call you back." Works without JavaScript. `office`
 * is who keeps the number: the venue's town's judicial office (睦洲司法所).
 */
export function CallbackForm({ venue, office }: { venue?: string; office: string }) {
  return (
    <ActionForm
      action={requestCallbackAction}
      idPrefix="cb"
      label="请工作人员回电"
      order={["name", "phone", "note", "consent"]}
      className="space-y-4"
    >
      {/* Once sent, only the answer stays. */}
      {(state) =>
        !state?.ok && (
          <>
            {venue && <input type="hidden" name="venue" value={venue} />}
            <TextField name="name" label="姓名" autoComplete="name" />
            <TextField name="phone" label="手机号码" hint="例如 13812345678" type="tel" inputMode="tel" autoComplete="tel" />
            <TextField name="note" label="想咨询什么（选填）" />
            <CheckboxField name="consent" label={`我同意${office}保存我的姓名和电话，只用于回电安排咨询，办结后删除。`} />
            <SubmitButton>请给我回电</SubmitButton>
          </>
        )
      }
    </ActionForm>
  );
}
