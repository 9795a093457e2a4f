import type { ReactNode } from "react";
import { formatTime, toDateString } from "@/lib/time";
import { WEBHOOK_EVENT_NAMES, type WebhookEventType } from "@/lib/webhooks/rules";
import type { WebhookEventRow } from "@/lib/webhooks/schema";

const at = (instant: Date) => `${toDateString(instant)} ${formatTime(instant)}`;

function stateOf(event: WebhookEventRow): string {
  if (event.deliveredAt) return `已送达（${at(event.deliveredAt)}，HTTP ${event.lastStatus ?? ""}）`;
  if (event.failedAt) return `已放弃（试了 ${event.attempts} 次）：${event.lastError ?? ""}`;
  if (event.attempts === 0) return "等待发送";
  return `第 ${event.attempts} 次没有送达：${event.lastError ?? ""}${event.nextAttemptAt ? `，${at(event.nextAttemptAt)} 再试` : ""}`;
}

/** A client's latest event notices, newest first, each with its state and a resend (`resend`). */
export function WebhookLog({ events, resend }: { events: readonly WebhookEventRow[]; resend: (eventId: string) => ReactNode }) {
  return (
    <details className="rounded-lg border-2 border-gray-300 p-3">
      <summary className="min-h-11 cursor-pointer font-semibold">事件通知记录（最近 {events.length} 条）</summary>
      {events.length === 0 ? (
        <p className="mt-3">还没有发送过通知。</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {events.map((event) => (
            <li key={event.id} className="space-y-1 border-b border-gray-300 pb-3">
              <p>
                <span className="font-semibold">
                  {WEBHOOK_EVENT_NAMES[event.type as WebhookEventType] ?? event.type}（{event.type}）
                </span>
                ，{at(event.createdAt)}，<span className="font-mono">{event.id}</span>
              </p>
              <p>{stateOf(event)}</p>
              <details>
                <summary className="cursor-pointer">查看发送的内容</summary>
                <pre className="mt-2 overflow-x-auto rounded bg-gray-100 p-2 text-sm whitespace-pre-wrap break-all">
                  {event.payload}
                </pre>
              </details>
              {resend(event.id)}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
