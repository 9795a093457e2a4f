import type { Metadata } from "next";
import Link from "next/link";
import { textLink } from "@/components/form/styles";
import { RetentionForm } from "@/components/privacy-forms";
import { requireStaff } from "@/lib/auth/session";
import { getRetentionSettings } from "@/lib/privacy/queries";

export const metadata: Metadata = { title: "个人信息保存期限" };

export default async function RetentionPage() {
  await requireStaff("/staff/privacy");
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
      <RetentionForm settings={settings} />
    </div>
  );
}
