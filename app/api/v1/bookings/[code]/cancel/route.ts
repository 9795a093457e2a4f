import { codeFrom, failureResponse, guarded, json, parseOr400, readJsonObject } from "@/lib/api/http";
import { presentBooking } from "@/lib/api/present";
import { cancelBooking } from "@/lib/booking/mutations";
import { cancelBookingInput } from "@/lib/booking/schema";

export function POST(request: Request, { params }: { params: Promise<{ code: string }> }) {
  return guarded(async () => {
    const code = await codeFrom(params);
    if (code instanceof Response) return code;
    const body = await readJsonObject(request);
    if (body instanceof Response) return body;
    const input = parseOr400(cancelBookingInput.omit({ code: true }), body);
    if (input instanceof Response) return input;
    const result = await cancelBooking({ ...input, code });
    if (!result.ok) return failureResponse(result);
    return json(presentBooking(result.booking));
  });
}
