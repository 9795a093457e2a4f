import type { Metadata } from "next";
import { ApiClientsConsole } from "@/components/staff/api-clients-console";
import { countTestData, listApiClients } from "@/lib/api-clients/queries";
import { requireDistrictScope } from "@/lib/auth/session";
import { listTownsForDistrict } from "@/lib/towns/queries";
import { listWebhookEvents } from "@/lib/webhooks/queries";

export const metadata: Metadata = { title: "接口接入方" };

/** Every API client of the district: district-wide ones and each town's. */
export default async function DistrictApiClientsPage() {
  const scope = await requireDistrictScope("/district/api-clients");
  const [clients, towns, testData] = await Promise.all([
    listApiClients(scope),
    listTownsForDistrict(scope),
    countTestData(scope),
  ]);
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
      <ApiClientsConsole
        clients={clients}
        events={events}
        reach="district"
        towns={towns.map((town) => ({ value: town.id, label: town.name }))}
        testData={testData}
      />
    </div>
  );
}
