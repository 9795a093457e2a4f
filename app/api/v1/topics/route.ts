import { withCors } from "@/lib/api/cors";
import { guarded, json, otherMethods } from "@/lib/api/http";
import { listTopics } from "@/lib/topics/queries";

export function GET(request: Request) {
  return withCors(
    request,
    guarded(async () => json({ topics: await listTopics() })),
  );
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
