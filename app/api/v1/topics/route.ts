import { guarded, json } from "@/lib/api/http";
import { listTopics } from "@/lib/topics/queries";

export function GET() {
  return guarded(async () => json({ topics: await listTopics() }));
}
