import { getViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth";
import { exportSignInRulesYaml } from "@/lib/sign-in";

export const dynamic = "force-dynamic";

/**
 * GET /admin/sign-in/export.yaml — the sign-in rules in force as the YAML file the page (and
 * `npm run sign-in-rules`) applies. Authorized on the server like the page: 401 signed out, 404 for
 * anyone but a platform admin.
 */
export async function GET() {
  const viewer = await getViewer();
  if (!viewer) return new Response("Sign in as a platform admin to export the sign-in rules.\n", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (!can(viewer, { permission: "manage:sign-in-rules" })) return new Response("Not found.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(await exportSignInRulesYaml(viewer), {
    headers: {
      "Content-Type": "application/yaml; charset=utf-8",
      "Content-Disposition": 'attachment; filename="meshport-sign-in-rules.yaml"',
      "Cache-Control": "private, no-store",
    },
  });
}
