"use client";

import { ActionForm, SubmitButton, secondaryButton, TextField } from "@/components/form";
import { OneTimePassword } from "@/components/staff/one-time-password";
import {
  actAsTownAction,
  addWorkroomAction,
  createTownAction,
  createTownAdminAction,
  stopActingAction,
} from "@/lib/towns/actions";

const ACCOUNT_HINT = "英文字母、数字或 . _ -，例如 daze-admin";

/** A new town with its station, first workroom and first administrator (the district's). */
export function CreateTownForm() {
  return (
    <ActionForm
      action={createTownAction}
      idPrefix="town"
      label="新建镇（街道）"
      result={(data) => data && <OneTimePassword {...data.issued} />}
    >
      <TextField name="name" label="镇（街道）名称" hint="例如：大泽镇" maxLength={20} />
      <TextField
        name="slug"
        label="网址简称"
        hint="镇名拼音，英文小写，例如 daze；村民的网址会是 /towns/daze"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={30}
      />
      <TextField name="government" label="镇人民政府（街道办事处）全称" hint="例如：江门市新会区大泽镇人民政府" maxLength={60} />
      <TextField name="officeName" label="司法所名称" hint="例如：大泽司法所" maxLength={30} />
      <TextField name="officeAddress" label="司法所地址（也是镇公共法律服务工作站的地址）" maxLength={200} />
      <TextField name="officePhone" label="司法所电话（可不填）" type="tel" inputMode="tel" maxLength={20} />
      <TextField name="village" label="第一个村（社区）工作室：村（社区）名称" hint="例如：南镇村" maxLength={20} />
      <TextField name="villageAddress" label="第一个工作室的地址" maxLength={200} />
      <TextField
        name="adminUsername"
        label="该镇管理员的登录账号名"
        hint={ACCOUNT_HINT}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={40}
      />
      <TextField name="adminName" label="该镇管理员的姓名" maxLength={40} />
      <SubmitButton pendingText="正在建立…">建立镇（街道）并生成管理员密码</SubmitButton>
    </ActionForm>
  );
}

/** Another workroom for a town. */
export function AddWorkroomForm({ townId, townName }: { townId: string; townName: string }) {
  return (
    <ActionForm action={addWorkroomAction} idPrefix={`workroom-${townId}`} label={`为${townName}添加村（社区）工作室`}>
      <input type="hidden" name="townId" value={townId} />
      <TextField name="village" label="村（社区）名称" hint="例如：南镇村" maxLength={20} />
      <TextField name="address" label="工作室地址" maxLength={200} />
      <SubmitButton pendingText="正在添加…" className={secondaryButton}>
        添加工作室
      </SubmitButton>
    </ActionForm>
  );
}

/** Another administrator for a town. */
export function AddTownAdminForm({ townId, townName }: { townId: string; townName: string }) {
  return (
    <ActionForm
      action={createTownAdminAction}
      idPrefix={`admin-${townId}`}
      label={`为${townName}添加管理员`}
      result={(data) => data && <OneTimePassword {...data.issued} />}
    >
      <input type="hidden" name="townId" value={townId} />
      <TextField
        name="adminUsername"
        label="登录账号名"
        hint={ACCOUNT_HINT}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={40}
      />
      <TextField name="adminName" label="姓名" maxLength={40} />
      <SubmitButton pendingText="正在建立…" className={secondaryButton}>
        建立管理员账号
      </SubmitButton>
    </ActionForm>
  );
}

/** Work as a town's staff (every change is audited as the district's). */
export function ActAsTownForm({ townId, townName }: { townId: string; townName: string }) {
  return (
    <ActionForm action={actAsTownAction} idPrefix={`act-${townId}`} label={`代${townName}工作`} order={[]}>
      <input type="hidden" name="townId" value={townId} />
      <SubmitButton pendingText="正在进入…" className={secondaryButton}>
        <span aria-hidden="true">进入该镇工作台</span>
        <span className="sr-only">进入{townName}工作台（代镇工作，会记入操作记录）</span>
      </SubmitButton>
    </ActionForm>
  );
}

/** Stop acting for a town: back to the district's console. */
export function StopActingForm() {
  return (
    <ActionForm action={stopActingAction} idPrefix="stop-acting" label="结束代镇工作" order={[]}>
      <SubmitButton pendingText="正在返回…" className={secondaryButton}>
        结束代镇工作，回到区司法局工作台
      </SubmitButton>
    </ActionForm>
  );
}
