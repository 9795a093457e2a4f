import type { Metadata } from "next";
import Link from "next/link";
import { textLink } from "@/components/form/styles";
import { RetentionForm } from "@/components/privacy-forms";
import { Section } from "@/components/section";
import { can } from "@/lib/auth/can";
import { requireTownScope } from "@/lib/auth/session";
import { getRetentionSettings } from "@/lib/privacy/queries";
import { RETENTION_FIELD_NAMES, type RetentionSettings } from "@/lib/privacy/schema";

export const metadata: Metadata = { title: "个人信息保存期限" };

export default async function RetentionPage() {
  const scope = await requireTownScope("/staff/privacy");
  const settings = await getRetentionSettings();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">个人信息保存期限</h1>
      <p>
        到期后，系统每天自动删除姓名、电话、备注等个人信息（匿名化）；地点、律师、事项、时间和服务结果保留，统计数字不变。
        <Link href="/privacy#how-long" className={textLink}>
          个人信息告知
        </Link>
        会按这里的设置告诉村民保存多久。
      </p>
      {can.manageRetention(scope.actor) ? (
        <RetentionForm settings={settings} />
      ) : (
        <Section id="periods" title="现在的保存期限" className="space-y-2">
          <ul className="list-disc space-y-1 pl-6">
            {(Object.keys(RETENTION_FIELD_NAMES) as (keyof RetentionSettings)[]).map((key) => (
              <li key={key}>
                {RETENTION_FIELD_NAMES[key]}：{settings[key]} 个月
              </li>
            ))}
          </ul>
          <p>保存期限对全部服务地点统一适用，由管理员设置。需要修改的，请联系管理员。</p>
        </Section>
      )}
    </div>
  );
}
