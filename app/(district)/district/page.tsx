import type { Metadata } from "next";
import { ActAsTownForm, AddTownAdminForm, AddWorkroomForm, CreateTownForm } from "@/components/district/town-forms";
import { Section } from "@/components/section";
import { requireDistrictScope } from "@/lib/auth/session";
import { listTownsForDistrict } from "@/lib/towns/queries";

export const metadata: Metadata = { title: "区司法局工作台" };

/** The district's towns: each one's venues, accounts and lawyers; work as its staff; add towns, workrooms and administrators. */
export default async function DistrictHomePage() {
  const scope = await requireDistrictScope("/district");
  const towns = await listTownsForDistrict(scope);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">区司法局工作台</h1>
      <p>
        这里可以查看各镇（街道）的情况、新建镇（街道）和管理员。要修改某个镇的排班、预约等，请点“进入该镇工作台”：您将以区司法局身份代该镇工作，每项修改都会记入操作记录。
      </p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="text-left text-xl font-bold">各镇（街道）（{towns.length} 个）</caption>
          <thead>
            <tr className="border-b-2 border-gray-400">
              <th scope="col" className="p-2">
                镇（街道）
              </th>
              <th scope="col" className="p-2">
                服务地点
              </th>
              <th scope="col" className="p-2">
                工作人员账号
              </th>
              <th scope="col" className="p-2">
                坐班律师
              </th>
            </tr>
          </thead>
          <tbody>
            {towns.map((town) => (
              <tr key={town.id} className="border-b border-gray-300">
                <th scope="row" className="p-2 font-semibold">
                  {town.name}
                </th>
                <td className="p-2">{town.venues}</td>
                <td className="p-2">{town.accounts}</td>
                <td className="p-2">{town.lawyers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-4">
        {towns.map((town) => (
          <li key={town.id} className="space-y-3 rounded-xl border-2 border-gray-300 p-4">
            <h2 className="text-xl font-bold">{town.name}</h2>
            <p>
              {town.officeName}，{town.officeAddress}
              {town.officePhone ? `，电话 ${town.officePhone}` : ""}
            </p>
            <ActAsTownForm townId={town.id} townName={town.name} />
            <details className="rounded-lg border-2 border-gray-300 p-3">
              <summary className="min-h-11 cursor-pointer font-semibold">为{town.name}添加村（社区）工作室</summary>
              <AddWorkroomForm townId={town.id} townName={town.name} />
            </details>
            <details className="rounded-lg border-2 border-gray-300 p-3">
              <summary className="min-h-11 cursor-pointer font-semibold">为{town.name}添加管理员</summary>
              <AddTownAdminForm townId={town.id} townName={town.name} />
            </details>
          </li>
        ))}
      </ul>
      <Section id="new-town-heading" title="新建镇（街道）" className="space-y-3">
        <p>同时建立它的镇公共法律服务工作站、第一个村（社区）工作室和第一位管理员。</p>
        <CreateTownForm />
      </Section>
    </div>
  );
}
