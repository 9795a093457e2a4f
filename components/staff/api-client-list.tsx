import type { ReactNode } from "react";
import type { ApiClientRow } from "@/lib/api-clients/schema";
import { formatTime, toDateString } from "@/lib/time";

const when = (instant: Date | null) => (instant ? `${toDateString(instant)} ${formatTime(instant)}` : "从未");

/** The registered clients, each with its controls (`controls`, for an active one) and its delivery log (`log`). */
export function ApiClientList({
  clients,
  controls,
  log,
}: {
  clients: readonly ApiClientRow[];
  controls: (client: ApiClientRow) => ReactNode;
  log?: (client: ApiClientRow) => ReactNode;
}) {
  if (clients.length === 0) return <p>还没有登记接入方。</p>;
  return (
    <ul className="space-y-4">
      {clients.map((client) => (
        <li key={client.id} className="space-y-2 rounded-xl border-2 border-gray-300 p-4">
          <h3 className="text-lg font-bold">
            {client.name}
            {client.mode === "TEST" ? "（测试）" : ""}
            {client.revokedAt ? "（密钥已停用）" : ""}
          </h3>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-semibold">联系人</dt>
            <dd>{client.contact}</dd>
            <dt className="font-semibold">服务范围</dt>
            <dd>{client.town?.name ?? "全区"}</dd>
            <dt className="font-semibold">密钥</dt>
            <dd>
              <span className="font-mono">{client.keyHint}</span>，
              {client.rotatedAt ? `${when(client.rotatedAt)} 更换` : `${when(client.createdAt)} 生成`}
              {client.revokedAt ? `，${when(client.revokedAt)} 停用` : ""}
            </dd>
            <dt className="font-semibold">最近使用</dt>
            <dd>{when(client.lastUsedAt)}</dd>
            <dt className="font-semibold">事件通知</dt>
            <dd className="break-all">
              {client.webhookUrl ?? "不发送"}
              {client.webhookUrl ? (client.personalData ? "（含个人信息）" : "（不含个人信息）") : ""}
            </dd>
            <dt className="font-semibold">网页来源</dt>
            <dd className="break-all">{client.origins.length ? client.origins.join("、") : "无"}</dd>
          </dl>
          {!client.revokedAt && controls(client)}
          {log?.(client)}
        </li>
      ))}
    </ul>
  );
}
