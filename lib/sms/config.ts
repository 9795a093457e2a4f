// Which SMS gateway the app uses, from the environment, checked at start-up (docs/sms.md).
// The problems are sentences for the operator; they name variables, never their values' secrets.

import { aliyunGateway } from "./aliyun";
import { MESSAGE_KINDS, type MessageKind, type SmsGateway } from "./gateway";
import { outboxGateway } from "./outbox";
import { smsSettingsSchema, templateVariable } from "./schema";
import { tencentGateway } from "./tencent";

type Env = Record<string, string | undefined>;

/** What is wrong with the SMS configuration, as sentences for the operator; empty when it is usable. */
export function checkSmsConfig(env: Env = process.env): string[] {
  const parsed = smsSettingsSchema.safeParse(env);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}

/** The configured gateway; throws with every problem of `checkSmsConfig` when there are any. */
export function gatewayFromEnv(env: Env = process.env, options: { timeoutMs?: number } = {}): SmsGateway {
  const parsed = smsSettingsSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`SMS configuration: ${parsed.error.issues.map((issue) => issue.message).join(" ")} See docs/sms.md.`);
  }
  const config = parsed.data;
  const templates = Object.fromEntries(MESSAGE_KINDS.map((kind) => [kind, config[templateVariable(kind)]])) as Record<
    MessageKind,
    string
  >;
  // The checks above guarantee the `as string`s below.
  switch (config.SMS_GATEWAY) {
    case "outbox":
      return outboxGateway();
    case "aliyun":
      return aliyunGateway({
        accessKeyId: config.ALIYUN_ACCESS_KEY_ID as string,
        accessKeySecret: config.ALIYUN_ACCESS_KEY_SECRET as string,
        endpoint: config.ALIYUN_SMS_ENDPOINT,
        signName: config.SMS_SIGN_NAME,
        templates,
        timeoutMs: options.timeoutMs,
      });
    case "tencent":
      return tencentGateway({
        secretId: config.TENCENT_SECRET_ID as string,
        secretKey: config.TENCENT_SECRET_KEY as string,
        sdkAppId: config.TENCENT_SMS_SDK_APP_ID as string,
        region: config.TENCENT_SMS_REGION,
        endpoint: config.TENCENT_SMS_ENDPOINT,
        signName: config.SMS_SIGN_NAME,
        templates,
        timeoutMs: options.timeoutMs,
      });
  }
}
