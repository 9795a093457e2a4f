import type { ReactNode } from "react";
import { Section } from "@/components/section";
import {
  clearDistrictTestDataAction,
  clearTestDataAction,
  createApiClientAction,
  createDistrictApiClientAction,
  revokeApiClientAction,
  revokeDistrictApiClientAction,
  rotateApiKeyAction,
  rotateDistrictApiKeyAction,
} from "@/lib/api-clients/actions";
import type { ApiClientRow } from "@/lib/api-clients/schema";
import { resendDistrictWebhookAction, resendWebhookAction } from "@/lib/webhooks/actions";
import type { WebhookEventRow } from "@/lib/webhooks/schema";
import { ApiClientControls, ClearTestDataForm, CreateApiClientForm, ResendWebhookForm } from "./api-client-forms";
import { ApiClientList } from "./api-client-list";
import { WebhookLog } from "./webhook-log";

/** Each console's actions: a town's (/staff/api-clients) and the district's (/district/api-clients). */
const ACTIONS = {
  town: {
    create: createApiClientAction,
    rotate: rotateApiKeyAction,
    revoke: revokeApiClientAction,
    resend: resendWebhookAction,
    clearTestData: clearTestDataAction,
    where: "本镇",
  },
  district: {
    create: createDistrictApiClientAction,
    rotate: rotateDistrictApiKeyAction,
    revoke: revokeDistrictApiClientAction,
    resend: resendDistrictWebhookAction,
    clearTestData: clearDistrictTestDataAction,
    where: "全区",
  },
} as const;

/**
 * The API clients of a scope (`reach`: a town's or the district's): each with its controls and
 * delivery log, the registration form (`towns`: the district's choice of town), and clearing the
 * scope's test data (`testData`: how much there is).
 */
export function ApiClientsConsole({
  clients,
  events,
  reach,
  towns,
  testData,
}: {
  clients: readonly ApiClientRow[];
  events: ReadonlyMap<string, readonly WebhookEventRow[]>;
  reach: keyof typeof ACTIONS;
  towns?: readonly { value: string; label: string }[];
  testData: { bookings: number; entries: number };
}): ReactNode {
  const actions = ACTIONS[reach];
  return (
    <>
      <Section id="clients-heading" title={`已登记的接入方（${clients.length} 个）`} className="space-y-3">
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
      </Section>
      <Section id="new-client-heading" title="登记接入方" className="space-y-3">
        <CreateApiClientForm action={actions.create} towns={towns} />
      </Section>
      <Section id="test-data-heading" title="测试数据" className="space-y-3">
        <p>用测试密钥（mz_test_ 开头）做的预约和候补登记标为“测试”：短信只留在发件箱，不会发出；不计入任何统计、报表和导出。</p>
        <ClearTestDataForm
          action={actions.clearTestData}
          what={`${actions.where}现有 ${testData.bookings} 个测试预约、${testData.entries} 条测试候补登记。`}
        />
      </Section>
    </>
  );
}
