import "server-only";
import { db } from "@/lib/db";

export function listTopics(): Promise<{ code: string; name: string }[]> {
  return db.topic.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" }, select: { code: true, name: true } });
}
