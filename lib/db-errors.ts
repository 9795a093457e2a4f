// Reading PostgreSQL's constraint violations out of Prisma's driver-adapter errors.
type AdapterCause = { originalCode?: string; originalMessage?: string; constraint?: { index?: string } };

function causeOf(error: unknown): AdapterCause | null {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: AdapterCause } } } | null)?.meta;
  return meta?.driverAdapterError?.cause ?? null;
}

/**
 * The name of the unique (23505) or exclusion (23P01) constraint that `error` reports, or null
 * when it is another error.
 */
export function violatedConstraint(error: unknown): string | null {
  const cause = causeOf(error);
  if (!cause || (cause.originalCode !== "23505" && cause.originalCode !== "23P01")) return null;
  if (cause.constraint?.index) return cause.constraint.index;
  return /constraint "([^"]+)"/.exec(cause.originalMessage ?? "")?.[1] ?? null;
}

/**
 * A transaction that waited too long: a lock not granted within `lock_timeout` (55P03), or
 * Prisma's own limits on waiting for a connection or on the whole transaction (P2028).
 */
export function waitedTooLong(error: unknown): boolean {
  if ((error as { code?: unknown } | null)?.code === "P2028") return true;
  return causeOf(error)?.originalCode === "55P03";
}
