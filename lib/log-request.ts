import "server-only";
import { headers } from "next/headers";
import { log } from "./log";

export { log };

/**
 * The id the site's server (scripts/serve.ts) gave the request being answered, for log lines
 * written while answering it; null outside a request.
 */
export async function requestId(): Promise<string | null> {
  try {
    return (await headers()).get("x-request-id");
  } catch {
    return null;
  }
}
