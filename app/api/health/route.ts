import { checkDatabase } from "@/lib/health";

export async function GET() {
  const ok = await checkDatabase();
  if (ok) return Response.json({ status: "ok", db: "ok" });
  return Response.json(
    { status: "error", db: "unreachable", error: { code: "db_unreachable", message: "数据库暂时无法连接，请稍后再试。" } },
    { status: 503 },
  );
}
