// A lawyer's private iCalendar feed. The secret in the URL is the only credential calendar apps can send.
import { buildCalendar } from "@/lib/calendar/ics";
import { loadCalendarFeed } from "@/lib/calendar/queries";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const feed = await loadCalendarFeed(token.replace(/\.ics$/, ""));
  if (!feed) {
    return new Response("这个日历订阅链接无效或已停用。请登录律师工作台获取新链接。\n", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  return new Response(buildCalendar({ name: `${feed.lawyerName} 值班与预约`, events: feed.events }), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="muzhou-lawyer.ics"',
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
