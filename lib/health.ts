import "server-only";
import { db } from "@/lib/db";

/** True when the database answers a trivial query within two seconds. */
export async function checkDatabase(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), 2000);
  });
  try {
    const query = db.$queryRaw`SELECT 1`.then(() => true).catch(() => false);
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
