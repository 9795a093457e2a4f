import type { Metadata } from "next";
import { ApiClientsConsole } from "@/components/staff/api-clients-console";
import { countTestData, listApiClients } from "@/lib/api-clients/queries";
import { can } from "@/lib/auth/can";
import { requireTownScope } from "@/lib/auth/session";
import { listWebhookEvents } from "@/lib/webhooks/queries";

export const metadata: Metadata = { title: "接口接入方" };

/** The town's API clients: registered, rotated and revoked by its administrator (district-wide ones are the district's). */
export default async function StaffApiClientsPage() {
  const scope = await requireTownScope("/staff/api-clients");
  const manages = can.manageApiClients(scope.actor);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">接口接入方</h1>
      <p>
        省 12348 平台、微信服务号等程序用 API 密钥调用本站的预约接口（说明见
        /api/v1/openapi.json），并可收到预约变化的事件通知。这里登记的接入方只能收到本镇的事件通知。
      </p>
      {manages ? <TownConsole scope={scope} /> : <p>接入方只能由管理员登记、更换密钥或停用。如需帮助，请联系管理员。</p>}
    </div>
  );
}

async function TownConsole({ scope }: { scope: Awaited<ReturnType<typeof requireTownScope>> }) {
  const [clients, testData] = await Promise.all([listApiClients(scope), countTestData(scope)]);
  const events = await listWebhookEvents(
    scope,
    clients.map((c) => c.id),
  );
  return <ApiClientsConsole clients={clients} events={events} reach="town" testData={testData} />;
}
