// What the staff downloads share: authorised here (not only in proxy.ts) with the staff rule and
// the caller's town scope, a JSON problem for strangers (401), other roles and a district account
// acting for no town (403) and wrong parameters (400), never a stack trace.
import type { TownScope } from "@/lib/auth/scope";
import { townScopeOrProblem } from "@/lib/auth/session";
import { guarded, problem } from "@/lib/http";

export function staffDownload(handler: (scope: TownScope, params: URLSearchParams) => Promise<Response>) {
  return (request: Request) =>
    guarded(async () => {
      const scope = await townScopeOrProblem("司法所工作人员账号");
      if (scope instanceof Response) return scope;
      return handler(scope, new URL(request.url).searchParams);
    });
}

/** Parameters a person can correct in the address: every message, and each by parameter. */
export function invalidParams(errors: Record<string, string>): Response {
  return problem("invalid_input", `参数有误：${Object.values(errors).join(" ")}`, errors);
}
