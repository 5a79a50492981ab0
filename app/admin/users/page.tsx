import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth";
import { listUsers, requireViewer } from "@/lib/auth/session";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { UserActions } from "@/components/admin/user-actions";
import { endUserSessionsAction, setUserDisabledAction } from "./actions";
import { outageAware } from "@/components/layout/outage-aware";

export const metadata: Metadata = { title: "Users" };

async function UsersPage() {
  const viewer = await requireViewer("/admin/users");
  if (!can(viewer, { permission: "manage:users" })) notFound();
  const users = await listUsers(viewer);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Signing a user out everywhere ends every session of theirs at once, on every instance. A disabled user cannot sign in, and their sessions end when you
          disable them. Both are written to the audit log.
        </p>
      </div>
      <Card>
        <CardHeader title={`${users.length} users`} />
        <CardBody className="overflow-x-auto p-0">
          <Table columns={["Name", "Teams", "Status", "Sessions", ""]} label="Users" variant="boxed">
            {users.map((u) => {
              const name = u.name ?? u.email ?? u.id;
              return (
                <tr key={u.id} data-testid={`user-${u.email ?? u.id}`}>
                  <td>
                    <p className="font-medium text-slate-900">{name}</p>
                    <p className="text-xs text-slate-500">{u.email}</p>
                  </td>
                  <td className="text-xs text-slate-600">
                    {[...u.memberships.map((m) => `${m.team.name} (${m.role.toLowerCase()})`), u.isPlatformAdmin ? "platform admin" : null].filter(Boolean).join(" · ") || "—"}
                  </td>
                  <td>{u.disabledAt ? <Badge tone="rose">Disabled</Badge> : <Badge tone="green">Active</Badge>}</td>
                  <td className="text-xs text-slate-600">{u.activeSessions}</td>
                  <td>
                    <UserActions
                      user={{ id: u.id, name, disabled: Boolean(u.disabledAt), isSelf: u.id === viewer.id }}
                      setDisabled={setUserDisabledAction}
                      endSessions={endUserSessionsAction}
                    />
                  </td>
                </tr>
              );
            })}
          </Table>
        </CardBody>
      </Card>
    </div>
  );
}
export default outageAware(UsersPage);
