import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInWithPassword } from "./sign-in";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "账号密码",
      credentials: { username: { label: "账号", type: "text" }, password: { label: "密码", type: "password" } },
      async authorize(credentials) {
        const result = await signInWithPassword(credentials?.username ?? "", credentials?.password ?? "");
        // next-auth passes a thrown message to the client's signIn() result as `error`.
        if (!result.ok) throw new Error(result.message);
        return { id: result.user.id, name: result.user.name, role: result.user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.role = (user as { role?: string }).role;
      return token;
    },
    session({ session, token }) {
      // Only the id travels in the session; the role is read from the database on each check.
      return { ...session, user: { ...session.user, id: token.sub } };
    },
  },
};
