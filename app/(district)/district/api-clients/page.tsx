import type { Metadata } from "next";
import { ApiClientControls, CreateApiClientForm, ResendWebhookForm } from "@/components/staff/api-client-forms";
import { ApiClientList } from "@/components/staff/api-client-list";
import { WebhookLog } from "@/components/staff/webhook-log";
import {
  createDistrictApiClientAction,
  revokeDistrictApiClientAction,
  rotateDistrictApiKeyAction,
} from "@/lib/api-clients/actions";
import { listApiClients } from "@/lib/api-clients/queries";
import { requireDistrictScope } from "@/lib/auth/session";
import { listTownsForDistrict } from "@/lib/towns/queries";
import { resendDistrictWebhookAction } from "@/lib/webhooks/actions";
import { listWebhookEvents } from "@/lib/webhooks/queries";

export const metadata: Metadata = { title: "接口接入方" };

/** Every API client of the district: district-wide ones and each town's. */
export default async function DistrictApiClientsPage() {
  const scope = await requireDistrictScope("/district/api-clients");
  const [clients, towns] = await Promise.all([listApiClients(scope), listTownsForDistrict(scope)]);
  const events = await listWebhookEvents(
    scope,
    clients.map((c) => c.id),
  );
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">接口接入方</h1>
      <p>
        省 12348 平台、微信服务号等程序用 API 密钥调用本站的预约接口（说明见
        /api/v1/openapi.json），并可收到预约变化的事件通知。全区的接入方收到各镇的事件通知；某个镇的接入方只收到该镇的。
      </p>
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
              rotate={rotateDistrictApiKeyAction}
              revoke={revokeDistrictApiClientAction}
            />
          )}
          log={(client) =>
            client.webhookUrl && (
              <WebhookLog
                events={events.get(client.id) ?? []}
                resend={(eventId) => <ResendWebhookForm eventId={eventId} action={resendDistrictWebhookAction} />}
              />
            )
          }
        />
      </section>
      <section aria-labelledby="new-client-heading" className="space-y-3">
        <h2 id="new-client-heading" className="text-xl font-bold">
          登记接入方
        </h2>
        <CreateApiClientForm
          action={createDistrictApiClientAction}
          towns={towns.map((town) => ({ value: town.id, label: town.name }))}
        />
      </section>
    </div>
  );
}
