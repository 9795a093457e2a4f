import { callerOf, lookUpSubject } from "@/lib/api/caller";
import { withCors } from "@/lib/api/cors";
import {
  entryIdFrom,
  errorResponse,
  failureResponse,
  guarded,
  json,
  NO_WAITLIST_ENTRY,
  otherMethods,
  parseOr400,
} from "@/lib/api/http";
import { presentWaitlistEntry } from "@/lib/api/present";
import { lookUpWaitlistEntry } from "@/lib/waitlist/access";
import { waitlistEntryInput } from "@/lib/waitlist/schema";

const query = waitlistEntryInput.pick({ phone: true });

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withCors(
    request,
    guarded(async () => {
      const caller = await callerOf(request);
      if (caller instanceof Response) return caller;
      const id = await entryIdFrom(params);
      if (id instanceof Response) return id;
      const input = parseOr400(query, { phone: new URL(request.url).searchParams.get("phone") ?? undefined });
      if (input instanceof Response) return input;
      const entry = await lookUpWaitlistEntry(id, { phone: input.phone, address: lookUpSubject(caller) });
      if (!entry) return errorResponse("not_found", NO_WAITLIST_ENTRY);
      if ("ok" in entry) return failureResponse(entry);
      return json(presentWaitlistEntry(entry));
    }),
  );
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
