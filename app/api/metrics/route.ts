import { errorResponse, guarded } from "@/lib/api/http";
import { settings } from "@/lib/env";
import { mayScrape } from "@/lib/metrics";
import { registry } from "@/lib/metrics-db";
import { addressOf } from "@/lib/security";

/** Prometheus's text format for this server (docs/operations.md lists the metrics and alert rules). */
export function GET(request: Request) {
  return guarded(async () => {
    if (!mayScrape(addressOf(request.headers), request.headers.get("authorization"), settings().METRICS_TOKEN)) {
      return errorResponse("not_found", "没有这个地址。");
    }
    return new Response(await registry.metrics(), {
      headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
    });
  });
}
