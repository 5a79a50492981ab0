import { getViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth";
import { exportPoliciesYaml } from "@/lib/governance";

export const dynamic = "force-dynamic";

/**
 * GET /admin/policies/export.yaml — the policies in force as the YAML file `npm run policies` applies.
 * A stable URL for admins (and a download button on the policies page); authorized here, on the
 * server, like the page: signed out is 401, anyone but a platform admin 404 (the page's answer too).
 */
export async function GET() {
  const viewer = await getViewer();
  if (!viewer) return new Response("Sign in as a platform admin to export the policies.\n", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (!can(viewer, { permission: "manage:policies" })) return new Response("Not found.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(await exportPoliciesYaml(viewer), {
    headers: {
      "Content-Type": "application/yaml; charset=utf-8",
      "Content-Disposition": 'attachment; filename="meshport-policies.yaml"',
      "Cache-Control": "private, no-store",
    },
  });
}
