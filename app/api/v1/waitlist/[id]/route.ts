import { lookUpSubject } from "@/lib/api/caller";
import { entryIdFrom, errorResponse, failureResponse, json, NO_WAITLIST_ENTRY, otherMethods, parseOr400 } from "@/lib/api/http";
import { apiRoute, presentWaitlistEntry } from "@/lib/api/present";
import { lookUpWaitlistEntry } from "@/lib/waitlist/access";
import { waitlistEntryInput } from "@/lib/waitlist/schema";

export const GET = apiRoute<{ id: string }>(async (request, caller, params) => {
  const id = await entryIdFrom(params);
  if (id instanceof Response) return id;
  const phone = new URL(request.url).searchParams.get("phone") ?? undefined;
  const input = parseOr400(waitlistEntryInput.pick({ phone: true }), { phone });
  if (input instanceof Response) return input;
  const entry = await lookUpWaitlistEntry(id, { phone: input.phone, address: lookUpSubject(caller) });
  if (!entry) return errorResponse("not_found", NO_WAITLIST_ENTRY);
  if ("ok" in entry) return failureResponse(entry);
  return json(presentWaitlistEntry(entry));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
