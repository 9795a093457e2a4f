import type { Metadata } from "next";
import { ApiClientControls, CreateApiClientForm, ResendWebhookForm } from "@/components/staff/api-client-forms";
import { ApiClientList } from "@/components/staff/api-client-list";
import { WebhookLog } from "@/components/staff/webhook-log";
import { createApiClientAction, revokeApiClientAction, rotateApiKeyAction } from "@/lib/api-clients/actions";
import { listApiClients } from "@/lib/api-clients/queries";
import { can } from "@/lib/auth/can";
import { requireTownScope } from "@/lib/auth/session";
import { resendWebhookAction } from "@/lib/webhooks/actions";
import { listWebhookEvents } from "@/lib/webhooks/queries";

export const metadata: Metadata = { title: "接口接入方" };

/** The town's API clients: registered, rotated and revoked by its administrator (district-wide ones are the district's). */
export default async function StaffApiClientsPage() {
  const scope = await requireTownScope("/staff/api-clients");
  const manages = can.manageApiClients(scope.actor);
  const clients = manages ? await listApiClients(scope) : [];
  const events = await listWebhookEvents(
    scope,
    clients.map((c) => c.id),
  );
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">接口接入方</h1>
      <p>
        省 12348 平台、微信服务号等程序用 API 密钥调用本站的预约接口（说明见
        /api/v1/openapi.json），并可收到预约变化的事件通知。这里登记的接入方只能收到本镇的事件通知。
      </p>
      {manages ? (
        <>
          <section aria-labelledby="clients-heading" className="space-y-3">
            <h2 id="clients-heading" className="text-xl font-bold">
              已登记的接入方（{clients.length} 个）
            </h2>
            <ApiClientList
              clients={clients}
              controls={(client) => (
                <ApiClientControls
                  clientId={client.id}
                  name={client.name}
                  rotate={rotateApiKeyAction}
                  revoke={revokeApiClientAction}
                />
              )}
              log={(client) =>
                client.webhookUrl && (
                  <WebhookLog
                    events={events.get(client.id) ?? []}
                    resend={(eventId) => <ResendWebhookForm eventId={eventId} action={resendWebhookAction} />}
                  />
                )
              }
            />
          </section>
          <section aria-labelledby="new-client-heading" className="space-y-3">
            <h2 id="new-client-heading" className="text-xl font-bold">
              登记接入方
            </h2>
            <CreateApiClientForm action={createApiClientAction} />
          </section>
        </>
      ) : (
        <p>接入方只能由管理员登记、更换密钥或停用。如需帮助，请联系管理员。</p>
      )}
    </div>
  );
}
