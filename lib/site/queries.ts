import "server-only";
// The site's public address (issue 22 item 4): what every text message, QR code, poster, contact
// card and privacy link carries. PUBLIC_BASE_URL wins when set (the server's operator decides);
// otherwise the address an administrator set in the console (site_setting); otherwise this
// machine's own, which villagers cannot open, and staff are warned until it is set.
import { db, type Tx } from "@/lib/db";
import { configuredPublicBase, type PublicAddress, resolvePublicAddress } from "@/lib/env";

export const PUBLIC_ADDRESS_KEY = "public_base_url";

export type { PublicAddress };

export async function loadPublicAddress(reader: Tx | typeof db = db): Promise<PublicAddress> {
  // PUBLIC_BASE_URL wins: the stored one is read only when it is not set.
  if (configuredPublicBase()) return resolvePublicAddress(null);
  const row = await reader.siteSetting.findUnique({ where: { key: PUBLIC_ADDRESS_KEY }, select: { value: true } });
  return resolvePublicAddress(row?.value ?? null);
}

/** `path` on the public address. */
export function linkOn(address: Pick<PublicAddress, "base">, path: string): string {
  return `${address.base}${path.startsWith("/") ? path : `/${path}`}`;
}

/** The address to warn staff about (what texts and QR codes carry now), or null when it is a real one. */
export async function publicAddressWarning(): Promise<string | null> {
  const address = await loadPublicAddress();
  return address.real ? null : address.base;
}
