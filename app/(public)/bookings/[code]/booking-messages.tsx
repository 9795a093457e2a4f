import { Section } from "@/components/section";
import { NOTIFICATION_KINDS } from "@/lib/labels";
import type { BookingMessage } from "@/lib/messages/queries";
import { villagerStatus } from "@/lib/messages/status";

/** The text messages about this booking, for its villager: what and when, nothing else. */
export function BookingMessages({ messages, now }: { messages: readonly BookingMessage[]; now: Date }) {
  if (messages.length === 0) return null;
  return (
    <Section id="messages" title="短信通知" className="no-print space-y-2">
      <ul className="list-disc space-y-1 pl-6">
        {messages.map((m) => (
          <li key={m.key}>
            {NOTIFICATION_KINDS[m.kind]}：{villagerStatus(m, now)}
          </li>
        ))}
      </ul>
    </Section>
  );
}
