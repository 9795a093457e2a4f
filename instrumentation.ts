// Runs once when a server process starts, before it serves a request; and on each error Next.js
// catches while rendering or handling a request, which goes to the log as one JSON line with its
// stack and the request id (scripts/serve.ts), the path without its query.
import type { Instrumentation } from "next";
import { configureZodLocale } from "@/lib/zod-locale";

export function register() {
  configureZodLocale();
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  const { log } = await import("@/lib/log");
  const requestId = request.headers["x-request-id"];
  log.error(
    {
      err: error,
      requestId: typeof requestId === "string" ? requestId : undefined,
      method: request.method,
      path: request.path.split("?")[0],
      route: context.routePath,
      kind: context.routeType,
    },
    "request failed",
  );
};
