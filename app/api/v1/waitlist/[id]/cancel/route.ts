import { callerOf, lookUpSubject } from "@/lib/api/caller";
import { withCors } from "@/lib/api/cors";
import { entryIdFrom, failureResponse, guarded, json, otherMethods, parseOr400, readJsonObject } from "@/lib/api/http";
import { presentWaitlistEntry } from "@/lib/api/present";
import { leaveWaitlistAs } from "@/lib/waitlist/access";
import { waitlistEntryInput } from "@/lib/waitlist/schema";

const body = waitlistEntryInput.pick({ phone: true });

/** Leaves the waitlist; an open offer is given up with it. */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withCors(
    request,
    guarded(async () => {
      const caller = await callerOf(request);
      if (caller instanceof Response) return caller;
      const id = await entryIdFrom(params);
      if (id instanceof Response) return id;
      const sent = await readJsonObject(request);
      if (sent instanceof Response) return sent;
      const input = parseOr400(body, sent);
      if (input instanceof Response) return input;
      const result = await leaveWaitlistAs(id, { phone: input.phone, address: lookUpSubject(caller) });
      if (!result.ok) return failureResponse(result, { conflict: "waitlist_ended" });
      return json(presentWaitlistEntry(result.entry));
    }),
  );
}

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
