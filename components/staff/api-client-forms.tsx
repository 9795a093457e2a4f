"use client";

import {
  ActionForm,
  CheckboxField,
  dangerButton,
  type Option,
  RadioGroup,
  SelectField,
  SubmitButton,
  secondaryButton,
  TextareaField,
  TextField,
} from "@/components/form";
import type { KeyShown } from "@/lib/api-clients/actions";
import type { FormState } from "@/lib/form-values";
import { DeactivateForm } from "./deactivate-form";

export type Action<Data = undefined> = (state: FormState<Data>, form: FormData) => Promise<FormState<Data>>;

/** A key (and the signing secret), shown this once: only their hash and the secret are kept, neither can be shown again. */
export function OneTimeKey({ name, apiKey, webhookSecret }: KeyShown["issued"]) {
  return (
    <div className="space-y-2 rounded-lg border-2 border-amber-700 bg-amber-50 p-4">
      <p className="text-lg font-bold">“{name}”的 API 密钥（只显示这一次）</p>
      <p>
        API 密钥：
        <output aria-label="API 密钥" className="font-mono text-lg font-bold break-all">
          {apiKey}
        </output>
      </p>
      {webhookSecret && (
        <p>
          事件通知的签名密钥：
          <output aria-label="签名密钥" className="font-mono text-lg font-bold break-all">
            {webhookSecret}
          </output>
        </p>
      )}
      <p>
        请复制下来，通过安全的方式交给接入方的技术人员。请求时放在请求头里：Authorization: Bearer
        密钥。离开本页后无法再次查看；丢失了只能更换密钥。
      </p>
    </div>
  );
}

/**
 * Registers a client. `towns` is the district's list (empty choice: the whole district); a town's
 * administrator registers for their own town and gets no choice.
 */
export function CreateApiClientForm({ action, towns }: { action: Action<KeyShown>; towns?: readonly Option[] }) {
  return (
    <ActionForm
      action={action}
      idPrefix="api-client"
      label="登记接口接入方"
      result={(data) => data && <OneTimeKey {...data.issued} />}
    >
      <TextField name="name" label="接入方名称" hint="例如：省 12348 平台、某某村微信服务号" maxLength={60} />
      <TextField name="contact" label="联系人和联系方式" hint="出了问题找谁：姓名和电话或电子邮箱" maxLength={100} />
      {towns && (
        <SelectField
          name="townId"
          label="服务范围"
          hint="选一个镇（街道），它只收到该镇的事件通知；不选为全区"
          options={towns}
          placeholder="全区"
        />
      )}
      <RadioGroup
        name="mode"
        legend="密钥类型"
        options={[
          { value: "LIVE", label: "正式（mz_live_ 开头）" },
          { value: "TEST", label: "测试（mz_test_ 开头）" },
        ]}
        defaultValue="LIVE"
      />
      <TextField
        name="webhookUrl"
        label="事件通知地址（可不填）"
        hint="预约新建、改期、取消、签到等变化时，向这个地址发送签名的通知；须以 https:// 或 http:// 开头"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        maxLength={500}
      />
      <TextareaField
        name="origins"
        label="允许调用的网页来源（可不填）"
        hint="从浏览器直接调用时填写，每行一个，例如 https://wx.example.org"
        maxLength={2000}
        rows={3}
      />
      <CheckboxField
        name="personalData"
        label="事件通知可以包含个人信息（姓名、完整电话号码、咨询事项和情况简述）"
        hint="只有签订了个人信息处理协议的接入方才勾选；不勾选时电话号码只显示前三位和后四位"
      />
      <SubmitButton pendingText="正在登记…">登记并生成密钥</SubmitButton>
    </ActionForm>
  );
}

/** Rotate and revoke for one client. Each sends only the client's id. */
export function ApiClientControls({
  clientId,
  name,
  rotate,
  revoke,
}: {
  clientId: string;
  name: string;
  rotate: Action<KeyShown>;
  revoke: Action;
}) {
  const hidden = { name: "clientId", value: clientId };
  return (
    <div className="space-y-3">
      <ActionForm
        action={rotate}
        idPrefix={`rotate-${clientId}`}
        label={`更换密钥：${name}`}
        order={[]}
        className="space-y-3"
        result={(data) => data && <OneTimeKey {...data.issued} />}
      >
        <input type="hidden" {...hidden} />
        <SubmitButton pendingText="正在更换…" className={secondaryButton}>
          <span aria-hidden="true">更换密钥</span>
          <span className="sr-only">更换密钥：{name}</span>
        </SubmitButton>
      </ActionForm>
      <DeactivateForm action={revoke} idPrefix={`revoke-${clientId}`} summary={`停用“${name}”的密钥…`} hidden={hidden}>
        <p>停用后，用这个密钥发出的请求都会被拒绝，也不再向它发送事件通知。不能恢复；需要时请重新登记。</p>
      </DeactivateForm>
    </div>
  );
}

/** Sends one notice of the delivery log again. */
export function ResendWebhookForm({ eventId, action }: { eventId: string; action: Action }) {
  return (
    <ActionForm action={action} idPrefix={`resend-${eventId}`} label={`重新发送通知 ${eventId}`} order={[]}>
      <input type="hidden" name="eventId" value={eventId} />
      <SubmitButton pendingText="正在排队…" className={secondaryButton}>
        <span aria-hidden="true">重新发送</span>
        <span className="sr-only">重新发送通知 {eventId}</span>
      </SubmitButton>
    </ActionForm>
  );
}

/**
 * Clears the scope's test data (lib/test-mode.ts), behind a disclosure and a box to tick: it cannot
 * be undone. `what` says how much there is and where.
 */
export function ClearTestDataForm({ action, what }: { action: Action; what: string }) {
  return (
    <ActionForm action={action} idPrefix="clear-test-data" label="清除测试数据" className="space-y-3">
      {(state) => (
        // Open again after a refusal (the box not ticked), with the box where it was.
        <details open={state && !state.ok ? true : undefined} className="rounded-lg border-2 border-red-700 p-3">
          <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-red-800">清除测试数据…</summary>
          <div className="mt-3 space-y-3">
            <p>
              {what}
              清除后，这些测试预约和测试候补登记，连同它们的短信和事件通知，都会删除，不能恢复。真实村民的预约不受影响。
            </p>
            <CheckboxField name="confirm" label="我确认清除全部测试预约和测试候补登记" />
            <SubmitButton pendingText="正在清除…" className={dangerButton}>
              确认清除
            </SubmitButton>
          </div>
        </details>
      )}
    </ActionForm>
  );
}
