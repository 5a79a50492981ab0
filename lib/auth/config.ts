import "server-only";
import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { safeRedirectUrl } from "./return-path";
import { trustHost } from "./trust-host";

declare module "next-auth" {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null; image?: string | null };
  }
}

function providers(): NextAuthConfig["providers"] {
  const list: NextAuthConfig["providers"] = [];
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_CLIENT_ID) {
    // Any standards-compliant identity provider (Keycloak, Entra ID, Okta, Dex…).
    list.push({
      id: "oidc",
      name: env.AUTH_OIDC_NAME,
      type: "oidc",
      issuer: env.AUTH_OIDC_ISSUER,
      clientId: env.AUTH_OIDC_CLIENT_ID,
      clientSecret: env.AUTH_OIDC_CLIENT_SECRET,
    });
  }
  if (env.MESHPORT_DEMO_SIGNIN) {
    list.push(
      Credentials({
        id: "demo",
        name: "Demo user",
        credentials: { email: { label: "Email" } },
        // Demo sign-in trusts the picked email, so it only ever accepts users seeded as demo users.
        async authorize(raw) {
          const parsed = z.object({ email: z.string().email() }).safeParse(raw);
          if (!parsed.success) return null;
          const user = await db.user.findFirst({ where: { email: parsed.data.email, isDemo: true } });
          return user ? { id: user.id, name: user.name, email: user.email } : null;
        },
      }),
    );
  }
  return list;
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  // The adapter's types target @prisma/client; our generated client is the same shape.
  adapter: PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]),
  // Credentials sign-in requires JWT sessions; the token only carries the user id.
  session: { strategy: "jwt" },
  secret: env.AUTH_SECRET,
  trustHost: trustHost(env),
  providers: providers(),
  pages: { signIn: "/signin" },
  callbacks: {
    // Every return path next-auth accepts (callbackUrl, redirectTo) goes through the one rule.
    redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});

export const enabledSignInMethods = () => ({
  demo: env.MESHPORT_DEMO_SIGNIN,
  oidc: env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_CLIENT_ID ? { name: env.AUTH_OIDC_NAME } : null,
});
