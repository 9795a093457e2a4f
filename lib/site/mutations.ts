import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { assertCan, can } from "@/lib/auth/can";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { configuredPublicBase, isOwnMachine } from "@/lib/env";
import { type Failure, failure } from "@/lib/errors";
import { PUBLIC_ADDRESS_KEY } from "./queries";
import type { PublicAddressInput } from "./schema";

/**
 * An administrator sets the site's public address. Refused while PUBLIC_BASE_URL is set (it wins:
 * the operator changes it there), and for this machine's own name (no villager could open it).
 */
export async function setPublicAddress(
  actor: CurrentUser,
  input: PublicAddressInput,
): Promise<{ ok: true; message: string } | Failure> {
  assertCan(can.manageSite(actor));
  if (configuredPublicBase())
    return failure("conflict", "服务器已经设置了 PUBLIC_BASE_URL，以它为准；要改地址，请系统管理员修改服务器的设置后重新启动。");
  if (isOwnMachine(input.address))
    return failure("invalid_input", undefined, {
      address: "这是本机自己的地址，村民打不开。请填写村民在手机上能打开的网址，例如 https://fw.example.gov.cn。",
    });
  await db.$transaction(async (tx) => {
    await tx.siteSetting.upsert({
      where: { key: PUBLIC_ADDRESS_KEY },
      create: { key: PUBLIC_ADDRESS_KEY, value: input.address, updatedBy: actor.id },
      update: { value: input.address, updatedBy: actor.id },
    });
    await recordAudit(tx, actor, {
      kind: "site",
      action: "update",
      subjectId: PUBLIC_ADDRESS_KEY,
      summary: `设置网站公开地址：${input.address}`,
    });
  });
  return { ok: true, message: `已保存。从现在起短信、二维码、海报和通讯卡都用 ${input.address}。` };
}
