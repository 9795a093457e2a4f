// The outbox: the default gateway (embedded database, development, training). It accepts what a
// real gateway would accept and sends nothing: the caller keeps the message and shows it to staff.
import { randomUUID } from "node:crypto";
import { prepareMessage, type SmsGateway } from "./gateway";

export function outboxGateway(): SmsGateway {
  return {
    name: "outbox",
    async send(phone, kind, params) {
      const message = prepareMessage(phone, kind, params);
      if (!message.ok) return message;
      return { ok: true, id: `outbox-${randomUUID()}`, status: "stored" };
    },
  };
}
