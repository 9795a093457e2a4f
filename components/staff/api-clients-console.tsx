import type { ReactNode } from "react";
import type { KeyShown } from "@/lib/api-clients/actions";
import type { ApiClientRow } from "@/lib/api-clients/schema";
import type { WebhookEventRow } from "@/lib/webhooks/schema";
import { type Action, ApiClientControls, ClearTestDataForm, CreateApiClientForm, ResendWebhookForm } from "./api-client-forms";
import { ApiClientList } from "./api-client-list";
import { WebhookLog } from "./webhook-log";

/** The actions of one console: a town's (/staff/api-clients) or the district's (/district/api-clients). */
export type ApiClientActions = {
  create: Action<KeyShown>;
  rotate: Action<KeyShown>;
  revoke: Action;
  resend: Action;
  clearTestData: Action;
};

/**
 * The API clients of a scope: each with its controls and delivery log, the registration form
 * (`towns`: the district's choice of town), and clearing the scope's test data (`testData`).
 */
export function ApiClientsConsole({
  clients,
  events,
  actions,
  towns,
  testData,
}: {
  clients: readonly ApiClientRow[];
  events: ReadonlyMap<string, readonly WebhookEventRow[]>;
  actions: ApiClientActions;
  towns?: readonly { value: string; label: string }[];
  testData: { bookings: number; entries: number; where: string };
}): ReactNode {
  return (
    <>
      <section aria-labelledby="clients-heading" className="space-y-3">
        <h2 id="clients-heading" className="text-xl font-bold">
          已登记的接入方（{clients.length} 个）
        </h2>
        <ApiClientList
          clients={clients}
          controls={(client) => (
            <ApiClientControls clientId={client.id} name={client.name} rotate={actions.rotate} revoke={actions.revoke} />
          )}
          log={(client) =>
            client.webhookUrl && (
              <WebhookLog
                events={events.get(client.id) ?? []}
                resend={(eventId) => <ResendWebhookForm eventId={eventId} action={actions.resend} />}
              />
            )
          }
        />
      </section>
      <section aria-labelledby="new-client-heading" className="space-y-3">
        <h2 id="new-client-heading" className="text-xl font-bold">
          登记接入方
        </h2>
        <CreateApiClientForm action={actions.create} towns={towns} />
      </section>
      <section aria-labelledby="test-data-heading" className="space-y-3">
        <h2 id="test-data-heading" className="text-xl font-bold">
          测试数据
        </h2>
        <p>用测试密钥（mz_test_ 开头）做的预约和候补登记标为“测试”：短信只留在发件箱，不会发出；不计入任何统计、报表和导出。</p>
        <ClearTestDataForm
          action={actions.clearTestData}
          what={`${testData.where}现有 ${testData.bookings} 个测试预约、${testData.entries} 条测试候补登记。`}
        />
      </section>
    </>
  );
}
