import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { enabledSignInMethods, getViewer, listDemoUsers, safeReturnPath, signIn } from "@/lib/auth/session";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { outageAware } from "@/components/layout/outage-aware";

export const metadata: Metadata = { title: "Sign in" };

async function signInAsDemo(formData: FormData) {
  "use server";
  const redirectTo = safeReturnPath(formData.get("callbackUrl")) ?? "/catalog";
  try {
    await signIn("demo", { email: String(formData.get("email") ?? ""), redirectTo });
  } catch (e) {
    if (e instanceof AuthError) redirect("/signin?error=demo");
    throw e; // sign-in success is a redirect, thrown as an error by design
  }
}

async function signInWithOidc(formData: FormData) {
  "use server";
  await signIn("oidc", { redirectTo: safeReturnPath(formData.get("callbackUrl")) ?? "/catalog" });
}

async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string; callbackUrl?: string }> }) {
  const { error, callbackUrl: rawCallback } = await searchParams;
  const callbackUrl = safeReturnPath(rawCallback) ?? "/catalog";
  if (await getViewer()) redirect(callbackUrl);
  const methods = enabledSignInMethods();
  const demoUsers = await listDemoUsers();

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Sign in to Meshport</h1>
        <p className="mt-1 text-sm text-slate-600">Find data products, request access, and publish your team&apos;s data.</p>
      </div>
      {error ? <Alert tone="error" title="Sign-in failed">That user could not be signed in. Pick another one, or ask your platform team.</Alert> : null}
      {methods.oidc ? (
        <form action={signInWithOidc}>
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <Button type="submit" className="w-full">
            Continue with {methods.oidc.name}
          </Button>
        </form>
      ) : null}
      {methods.demo ? (
        <Card>
          <CardHeader title="Demo users" description="Demo sign-in is enabled on this instance. Pick a person to act as." />
          <CardBody className="p-0">
            <ul className="divide-y divide-slate-100">
              {demoUsers.map((u) => (
                <li key={u.id}>
                  <form action={signInAsDemo} className="flex items-center justify-between gap-4 px-5 py-3">
                    <input type="hidden" name="email" value={u.email ?? ""} />
                    <input type="hidden" name="callbackUrl" value={callbackUrl} />
                    <div>
                      <p className="text-sm font-medium text-slate-900">{u.name}</p>
                      <p className="text-xs text-slate-500">
                        {[
                          ...u.memberships.map((m) => `${m.team.name} (${m.role.toLowerCase()})`),
                          u.isPlatformAdmin ? "platform admin" : null,
                          u.isDataProtectionApprover ? "data protection" : null,
                        ]
                          .filter(Boolean)
                          .join(" · ")}
                      </p>
                    </div>
                    <Button type="submit" variant="secondary" size="sm" aria-label={`Sign in as ${u.name}`}>
                      Sign in
                    </Button>
                  </form>
                </li>
              ))}
            </ul>
            {demoUsers.length === 0 ? <p className="px-5 py-4 text-sm text-slate-500">No demo users yet. Run the demo seed (npm run demo).</p> : null}
          </CardBody>
        </Card>
      ) : null}
      {!methods.demo && !methods.oidc ? (
        <Alert tone="warning" title="No sign-in method is configured">
          Set AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET, or MESHPORT_DEMO_SIGNIN=true for a demo.
        </Alert>
      ) : null}
    </div>
  );
}
export default outageAware(SignInPage);
