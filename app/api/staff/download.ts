// What the staff downloads share: authorised here (not only in proxy.ts) with the staff rule, a
// JSON problem for strangers (401), other roles (403) and wrong parameters (400), never a stack trace.
import { can } from "@/lib/auth/can";
import { type CurrentUser, userOrProblem } from "@/lib/auth/session";
import { guarded, problem } from "@/lib/http";

export function staffDownload(handler: (user: CurrentUser, params: URLSearchParams) => Promise<Response>) {
  return (request: Request) =>
    guarded(async () => {
      const user = await userOrProblem(can.workAsStaff, "司法所工作人员账号");
      if (user instanceof Response) return user;
      return handler(user, new URL(request.url).searchParams);
    });
}

/** Parameters a person can correct in the address: every message, and each by parameter. */
export function invalidParams(errors: Record<string, string>): Response {
  return problem("invalid_input", `参数有误：${Object.values(errors).join(" ")}`, errors);
}
