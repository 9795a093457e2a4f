import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "司法所工作台" };

// The staff console (rota, bookings, dashboard, report) is built in the staff issue; this is its door.
export default async function StaffHomePage() {
  const user = await requireRole("/staff", "STAFF", "ADMIN");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">司法所工作台</h1>
      <p>您好，{user.displayName}。</p>
      <p>
        <a href="/account/password" className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
          修改密码
        </a>
      </p>
    </div>
  );
}
