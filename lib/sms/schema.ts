// The text-message section of the settings (docs/sms.md): which gateway, its keys, the approved
// signature and a template per kind. Pure (no SDK): every entry point checks it at start-up with the
// rest of the settings (scripts/lib/settings.ts); config.ts makes the gateway from it.
import { z } from "zod";
import { blankIsAbsent } from "../env";
import { MESSAGE_KINDS, type MessageKind, parseEndpoint } from "./gateway";

export const ALIYUN_DEFAULT_ENDPOINT = "dysmsapi.aliyuncs.com";
export const TENCENT_DEFAULT_ENDPOINT = "sms.tencentcloudapi.com";

export const GATEWAYS = ["outbox", "aliyun", "tencent"] as const;
/** The approved signature when SMS_SIGN_NAME is not set: one per deployment, whatever its towns. */
export const DEFAULT_SIGN_NAME = "睦洲公共法律服务";

/** This deployment's approved signature, without 【】: SMS_SIGN_NAME, or the default (checked at start-up). */
export function signName(env: Record<string, string | undefined> = process.env): string {
  return blankIsAbsent(env.SMS_SIGN_NAME) ?? DEFAULT_SIGN_NAME;
}

/** SMS_TEMPLATE_CONFIRMATION … SMS_TEMPLATE_EVALUATION: the approved template of each kind. */
export const templateVariable = (kind: MessageKind) => `SMS_TEMPLATE_${kind.toUpperCase() as Uppercase<MessageKind>}` as const;

const NEEDS = {
  outbox: [],
  aliyun: ["ALIYUN_ACCESS_KEY_ID", "ALIYUN_ACCESS_KEY_SECRET"],
  tencent: ["TENCENT_SECRET_ID", "TENCENT_SECRET_KEY", "TENCENT_SMS_SDK_APP_ID"],
} as const;

const ENDPOINTS = { aliyun: "ALIYUN_SMS_ENDPOINT", tencent: "TENCENT_SMS_ENDPOINT" } as const;
const DEFAULT_ENDPOINTS = { aliyun: ALIYUN_DEFAULT_ENDPOINT, tencent: TENCENT_DEFAULT_ENDPOINT } as const;

const optionalText = z.preprocess(blankIsAbsent, z.string().optional());

export const smsSettingsSchema = z
  .object({
    SMS_GATEWAY: z.preprocess(
      (v) => blankIsAbsent(v)?.toLowerCase(),
      z
        .enum(GATEWAYS, { error: (issue) => `SMS_GATEWAY must be outbox, aliyun or tencent, not "${String(issue.input)}".` })
        .default("outbox"),
    ),
    SMS_SIGN_NAME: z.preprocess(blankIsAbsent, z.string().default(DEFAULT_SIGN_NAME)),
    SMS_TEMPLATE_CONFIRMATION: optionalText,
    SMS_TEMPLATE_CHANGE: optionalText,
    SMS_TEMPLATE_CANCELLATION: optionalText,
    SMS_TEMPLATE_REMINDER: optionalText,
    SMS_TEMPLATE_WAITLIST_OFFER: optionalText,
    SMS_TEMPLATE_EVALUATION: optionalText,
    ALIYUN_ACCESS_KEY_ID: optionalText,
    ALIYUN_ACCESS_KEY_SECRET: optionalText,
    ALIYUN_SMS_ENDPOINT: optionalText,
    TENCENT_SECRET_ID: optionalText,
    TENCENT_SECRET_KEY: optionalText,
    TENCENT_SMS_SDK_APP_ID: optionalText,
    TENCENT_SMS_REGION: optionalText,
    TENCENT_SMS_ENDPOINT: optionalText,
  })
  .superRefine((env, ctx) => {
    const gateway = env.SMS_GATEWAY;
    if (gateway === "outbox") return;
    const problem = (message: string) => ctx.addIssue({ code: "custom", message });
    for (const name of NEEDS[gateway]) if (!env[name]) problem(`SMS_GATEWAY=${gateway} needs ${name}.`);
    // China accepts only pre-approved templates: every kind must have one before anything is sent.
    for (const kind of MESSAGE_KINDS) {
      const name = templateVariable(kind);
      if (!env[name]) problem(`SMS_GATEWAY=${gateway} needs ${name}.`);
    }
    const endpoint = env[ENDPOINTS[gateway]];
    if (endpoint && !parseEndpoint(endpoint))
      problem(
        `${ENDPOINTS[gateway]} must be a host name such as ${DEFAULT_ENDPOINTS[gateway]} or a URL such as http://127.0.0.1:8080.`,
      );
    if (/[【】[\]]/.test(env.SMS_SIGN_NAME))
      problem(`SMS_SIGN_NAME is the approved signature without the brackets, such as ${DEFAULT_SIGN_NAME}.`);
    if (gateway === "tencent" && env.TENCENT_SMS_SDK_APP_ID && !/^\d+$/.test(env.TENCENT_SMS_SDK_APP_ID))
      problem("TENCENT_SMS_SDK_APP_ID must be the SdkAppId of the SMS application, digits only (such as 1400006666).");
  });
