import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getTeam } from "@/lib/organisation";
import { DomainError } from "@/lib/errors";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { ActionButton } from "@/components/forms/action-button";
import { SingleFieldForm } from "@/components/organisation/single-field-form";
import { lifecycleTone, title } from "@/components/catalog/labels";
import { MemberRole } from "@/components/organisation/member-role";
import {
  addMemberAction,
  addPrefixAction,
  linkPrincipalAction,
  removeMemberAction,
  removePrefixAction,
  setMemberRoleAction,
  unlinkPrincipalAction,
} from "./actions";
import { outageAware } from "@/components/layout/outage-aware";

type Params = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Team" };

async function TeamPage({ params }: Params) {
  const { slug } = await params;
  const viewer = await requireViewer(`/teams/${encodeURIComponent(slug)}`);
  const loaded = await getTeam(viewer, slug).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const { team, canManageMembers, canManageOrganisation } = loaded;
  const prefixes = team.topicPrefixes.map((p) => p.prefix);

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <p className="text-sm text-slate-500">{team.domain.name} domain</p>
        <h1 className="text-2xl font-semibold tracking-tight">{team.name}</h1>
        {team.description ? <p className="mt-1 text-sm text-slate-600">{team.description}</p> : null}
      </div>

      <Card>
        <CardHeader title="Members" description="Maintainers create and change products and decide access requests; members browse and request access." />
        <CardBody className="space-y-4">
          <Table label="Members" columns={["Name", "E-mail", "Role", ""]}>
            {team.memberships.map((m) => (
              <tr key={m.userId}>
                <td>{m.user.name}</td>
                <td className="text-slate-600">{m.user.email}</td>
                <td>
                  {canManageMembers ? (
                    <MemberRole teamId={team.id} userId={m.userId} name={m.user.name ?? ""} role={m.role} change={setMemberRoleAction} />
                  ) : (
                    <Badge tone={m.role === "MAINTAINER" ? "indigo" : "slate"}>{title(m.role)}</Badge>
                  )}
                </td>
                <td className="text-right">
                  {canManageMembers ? (
                    <ActionButton variant="ghost" size="sm" className="text-rose-700" action={removeMemberAction} input={{ teamId: team.id, userId: m.userId }} label="Remove" aria-label={`Remove ${m.user.name ?? "member"}`} done="Member removed" />
                  ) : null}
                </td>
              </tr>
            ))}
          </Table>
          {canManageMembers ? (
            <SingleFieldForm
              schema="member"
              defaults={{ teamId: team.id, email: "", role: "MEMBER" }}
              field="email"
              label="Add a member by e-mail"
              hint="They must have signed in to Meshport once."
              button="Add member"
              done="Member added"
              action={addMemberAction}
              withRole
            />
          ) : null}
        </CardBody>
      </Card>

      <div className="grid gap-6 md:grid-cols-2">
        <Card>
          <CardHeader title="Topic prefixes" description="The team's products put their topics under these." />
          <CardBody className="space-y-3">
            <ul aria-label="Topic prefixes" className="space-y-1">
              {prefixes.length === 0 ? <li className="text-sm text-slate-500">None: the domain&apos;s namespace <span className="font-mono">{team.domain.slug}.</span> applies.</li> : null}
              {prefixes.map((p) => (
                <li key={p} className="flex items-center justify-between font-mono text-sm">
                  {p}
                  {canManageOrganisation ? <ActionButton variant="ghost" size="sm" action={removePrefixAction} input={{ teamId: team.id, prefix: p }} label="Remove" aria-label={`Remove prefix ${p}`} done="Prefix removed" /> : null}
                </li>
              ))}
            </ul>
            {canManageOrganisation ? (
              <SingleFieldForm schema="prefix" defaults={{ teamId: team.id, prefix: "" }} field="prefix" label="Add a topic prefix" hint='e.g. "growth." or "web-"' button="Add prefix" done="Prefix added" action={addPrefixAction} />
            ) : null}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Kafka principals" description="The identities the team's applications use; Meshport manages their ACLs." />
          <CardBody className="space-y-3">
            <ul aria-label="Kafka principals" className="space-y-1">
              {team.principals.length === 0 ? <li className="text-sm text-slate-500">None yet: the team cannot create products until one is linked.</li> : null}
              {team.principals.map((p) => (
                <li key={p.id} className="flex items-center justify-between font-mono text-sm">
                  {p.principal}
                  {canManageOrganisation ? <ActionButton variant="ghost" size="sm" action={unlinkPrincipalAction} input={{ teamId: team.id, principalId: p.id }} label="Unlink" aria-label={`Unlink ${p.principal}`} done="Principal unlinked" /> : null}
                </li>
              ))}
            </ul>
            {canManageOrganisation ? (
              <SingleFieldForm schema="principal" defaults={{ teamId: team.id, principal: "" }} field="principal" label="Link a Kafka principal" hint='e.g. "User:team-growth"' button="Link principal" done="Principal linked" action={linkPrincipalAction} />
            ) : null}
          </CardBody>
        </Card>
      </div>

      <Card>
        <CardHeader title="Data products" />
        <CardBody>
          {team.products.length === 0 ? <p className="text-sm text-slate-500">No products yet.</p> : null}
          <ul className="space-y-1 text-sm">
            {team.products.map((p) => (
              <li key={p.slug} className="flex items-center gap-2">
                <Link className="text-indigo-700 hover:underline" href={`/products/${p.slug}`}>{p.name}</Link>
                <Badge tone={lifecycleTone[p.lifecycle]}>{title(p.lifecycle)}</Badge>
              </li>
            ))}
          </ul>
        </CardBody>
      </Card>
    </div>
  );
}
export default outageAware(TeamPage);
