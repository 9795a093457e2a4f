import { redirect } from "next/navigation";
import Forbidden from "@/app/forbidden";
import { getCurrentUser, homeFor } from "@/lib/auth/session";

/** Where a signed-in person lands: their own workspace, or (after a refused form post) the 没有权限 page. */
export default async function MePage({ searchParams }: { searchParams: Promise<{ forbidden?: string }> }) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (!(await searchParams).forbidden) redirect(homeFor(user.role));
  return <Forbidden />;
}
