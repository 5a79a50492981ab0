import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth";
import { requireViewer } from "@/lib/auth/session";
import { listOrganisation } from "@/lib/organisation";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { CreateDomainForm } from "@/components/organisation/create-domain-form";
import { CreateTeamForm } from "@/components/organisation/create-team-form";
import { SingleFieldForm } from "@/components/organisation/single-field-form";
import { createDomainAction, createTeamAction, setDomainOwnersAction } from "./actions";
import { outageAware } from "@/components/layout/outage-aware";

export const metadata: Metadata = { title: "Organisation" };

async function OrganisationPage() {
  const viewer = await requireViewer("/admin/organisation");
  if (!can(viewer, { permission: "manage:organisation" })) notFound();
  const { domains, teams } = await listOrganisation();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Organisation</h1>
        <p className="mt-1 text-sm text-slate-600">
          Domains and their owners, teams with their Kafka principals and topic prefixes. Team maintainers manage their own members on the team&apos;s page.
        </p>
      </div>

      <Card>
        <CardHeader title="Teams" description="Each team owns topic-name prefixes; no two teams' prefixes overlap." />
        <CardBody className="overflow-x-auto">
          <Table label="Teams" columns={["Team", "Domain", "Topic prefixes", "Kafka principals", "Members", "Products"]}>
            {teams.map((t) => (
              <tr key={t.id}>
                <td>
                  <Link className="font-medium text-indigo-700 hover:underline" href={`/teams/${t.slug}`}>{t.name}</Link>
                </td>
                <td>{t.domain.name}</td>
                <td className="font-mono text-xs">
                  {t.topicPrefixes.length > 0 ? t.topicPrefixes.map((p) => p.prefix).join(", ") : <span className="text-slate-500">{t.domain.slug}. (domain)</span>}
                </td>
                <td className="font-mono text-xs">{t.principals.map((p) => p.principal).join(", ") || <Badge tone="amber">none</Badge>}</td>
                <td>{t._count.memberships}</td>
                <td>{t._count.products}</td>
              </tr>
            ))}
          </Table>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="New team" />
        <CardBody>
          <CreateTeamForm domains={domains.map((d) => ({ id: d.id, name: d.name }))} submit={createTeamAction} />
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Domains" description="Domain owners may decide access when a product's maintainers are absent." />
        <CardBody className="space-y-4">
          {domains.map((d) => (
            <div key={d.id} className="rounded-md p-3 ring-1 ring-slate-200">
              <p className="font-medium">
                {d.name} <span className="font-mono text-xs text-slate-500">{d.slug}</span>
              </p>
              <SingleFieldForm
                schema="domainOwners"
                defaults={{ domainId: d.id, ownerEmails: d.owners.map((o) => o.user.email).filter(Boolean).join(", ") }}
                field="ownerEmails"
                label={`Owners of ${d.name}`}
                hint="E-mail addresses, separated by commas."
                button="Save owners"
                done={`Owners of ${d.name} saved`}
                action={setDomainOwnersAction}
              />
            </div>
          ))}
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="New domain" />
        <CardBody>
          <CreateDomainForm submit={createDomainAction} />
        </CardBody>
      </Card>
    </div>
  );
}
export default outageAware(OrganisationPage);
