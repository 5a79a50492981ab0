// Ownership admin: domains, teams, prefixes, principals and members, authorized and audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadViewer, type Viewer } from "@/lib/auth";
import { createDataProduct } from "@/lib/catalog";
import { createDataProductSchema } from "@/lib/catalog/schemas";
import { addMember, addTopicPrefix, createDomain, createTeam, removeMember, removeTopicPrefix, setMemberRole } from "@/lib/organisation";
import { closeKafka } from "@/lib/kafka";
import { unique, viewerByEmail } from "../support/viewers";

let ada: Viewer;
let sam: Viewer;

beforeAll(async () => {
  [ada, sam] = await Promise.all([viewerByEmail("ada@example.com"), viewerByEmail("sam@example.com")]);
});
afterAll(closeKafka);

async function newUser(label: string) {
  return db.user.create({ data: { name: `${label} person`, email: `${unique(label)}@example.com` } });
}

describe("domains and teams", () => {
  it("an admin creates a domain with its owners and a team with its principal and prefix, each audited", async () => {
    const owner = await newUser("owner");
    const slug = unique("dom");
    const domain = await createDomain(ada, { slug, name: `Domain ${slug}`, description: "", ownerEmails: [owner.email!] });
    expect(await db.domainOwner.findMany({ where: { domainId: domain.id } })).toEqual([expect.objectContaining({ userId: owner.id })]);

    const team = await createTeam(ada, {
      slug: unique("team"), name: "Growth", description: "", domainId: domain.id, contactEmail: null, principal: `User:${unique("team")}`, prefixes: [`${slug}.growth-`],
    });
    const stored = await db.team.findUniqueOrThrow({ where: { id: team.id }, include: { topicPrefixes: true, principals: true } });
    expect(stored.topicPrefixes.map((p) => p.prefix)).toEqual([`${slug}.growth-`]);
    expect(stored.principals).toHaveLength(1);
    const actions = (await db.auditEvent.findMany({ where: { targetId: { in: [domain.id, team.id] } } })).map((e) => e.action).sort();
    expect(actions).toEqual(["domain.created", "team.created"]);
  });

  it("only platform admins manage domains and teams", async () => {
    await expect(createDomain(sam, { slug: unique("dom"), name: "Nope", description: "", ownerEmails: [] })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses an overlapping prefix naming the team that holds the other one, and writes nothing", async () => {
    const slug = unique("dom");
    const domain = await createDomain(ada, { slug, name: slug, description: "", ownerEmails: [] });
    const holder = await createTeam(ada, { slug: unique("team"), name: `Holder ${slug}`, description: "", domainId: domain.id, contactEmail: null, principal: null, prefixes: [`${slug}.`] });
    const other = await createTeam(ada, { slug: unique("team"), name: "Other", description: "", domainId: domain.id, contactEmail: null, principal: null, prefixes: [] });
    await expect(addTopicPrefix(ada, { teamId: other.id, prefix: `${slug}.refunds-` })).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { prefix: `"${slug}.refunds-" overlaps "${slug}.", owned by team Holder ${slug}.` },
    });
    await expect(
      createTeam(ada, { slug: unique("team"), name: "Clash", description: "", domainId: domain.id, contactEmail: null, principal: null, prefixes: ["sales."] }),
    ).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { prefixes: '"sales." is already owned by team Sales Engineering.' } });
    expect(await db.teamTopicPrefix.findMany({ where: { prefix: { startsWith: `${slug}.` } } })).toEqual([expect.objectContaining({ teamId: holder.id })]);
    expect(await db.team.count({ where: { name: "Clash", domainId: domain.id } })).toBe(0);
  });

  it("a prefix still used by a live topic cannot be removed; an unused one can", async () => {
    const slug = unique("dom");
    const domain = await createDomain(ada, { slug, name: slug, description: "", ownerEmails: [] });
    const team = await createTeam(ada, { slug: unique("team"), name: "Prefixes", description: "", domainId: domain.id, contactEmail: null, principal: null, prefixes: [`${slug}.`, `${slug}-spare.`] });
    const product = await db.dataProduct.create({ data: { slug: unique("p"), name: "Uses it", domainId: domain.id, ownerTeamId: team.id } });
    await db.outputPort.create({ data: { dataProductId: product.id, name: "events", topic: `${slug}.uses-it.v1`, partitions: 1, replicationFactor: 1, retentionMs: 3_600_000n } });
    await expect(removeTopicPrefix(ada, { teamId: team.id, prefix: `${slug}.` })).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining(`still use "${slug}."`) });
    await removeTopicPrefix(ada, { teamId: team.id, prefix: `${slug}-spare.` });
    expect((await db.teamTopicPrefix.findMany({ where: { teamId: team.id } })).map((p) => p.prefix)).toEqual([`${slug}.`]);
  });
});

describe("members", () => {
  it("a maintainer manages their own team's members, never another team's, and the team keeps a maintainer", async () => {
    const slug = unique("dom");
    const domain = await createDomain(ada, { slug, name: slug, description: "", ownerEmails: [] });
    const team = await createTeam(ada, { slug: unique("team"), name: "Members", description: "", domainId: domain.id, contactEmail: null, principal: null, prefixes: [] });
    const lead = await newUser("lead");
    const newcomer = await newUser("newcomer");
    await addMember(ada, { teamId: team.id, email: lead.email!, role: "MAINTAINER" });
    const leadViewer = (await loadViewer(lead.id))!;

    await addMember(leadViewer, { teamId: team.id, email: newcomer.email!, role: "MEMBER" });
    await expect(addMember(leadViewer, { teamId: team.id, email: newcomer.email!, role: "MEMBER" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(addMember(leadViewer, { teamId: team.id, email: "nobody-here@example.com", role: "MEMBER" })).rejects.toMatchObject({
      fieldErrors: { email: "No Meshport user with the e-mail nobody-here@example.com: they must sign in once first." },
    });
    const sales = await db.team.findUniqueOrThrow({ where: { slug: "sales" } });
    await expect(addMember(leadViewer, { teamId: sales.id, email: newcomer.email!, role: "MEMBER" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await expect(setMemberRole(leadViewer, { teamId: team.id, userId: lead.id, role: "MEMBER" })).rejects.toMatchObject({ code: "INVALID" });
    await expect(removeMember(leadViewer, { teamId: team.id, userId: lead.id })).rejects.toMatchObject({ code: "INVALID" });
    await setMemberRole(leadViewer, { teamId: team.id, userId: newcomer.id, role: "MAINTAINER" });
    await removeMember(leadViewer, { teamId: team.id, userId: lead.id });

    const members = await db.membership.findMany({ where: { teamId: team.id } });
    expect(members).toEqual([expect.objectContaining({ userId: newcomer.id, role: "MAINTAINER" })]);
    const audited = await db.auditEvent.findMany({ where: { targetId: team.id, action: { startsWith: "team.member" } }, orderBy: { at: "asc" } });
    expect(audited.map((e) => e.action)).toEqual(["team.member-added", "team.member-added", "team.member-role-changed", "team.member-removed"]);
    expect(audited[2]).toMatchObject({ actorId: lead.id, before: { role: "MEMBER" }, after: { role: "MAINTAINER" } });
  });
});

describe("products under the team's prefixes", () => {
  it("a new team's product gets its topic under the team's prefix, in Kafka too", async () => {
    const slug = unique("dom");
    const domain = await createDomain(ada, { slug, name: slug, description: "", ownerEmails: [] });
    const principal = "User:team-sales"; // a SCRAM user the local broker knows; ACLs only need the name
    const team = await createTeam(ada, {
      slug: unique("team"), name: "Prefixed", description: "", domainId: domain.id, contactEmail: null, principal: `${principal}-${slug}`, prefixes: [`${slug}-web.`],
    });
    const input = createDataProductSchema.parse({
      ownerTeamId: team.id, name: "Clicks", slug: "clicks", description: "Every click on the web shop.", classification: "INTERNAL", containsPii: false,
      lifecycle: "ACTIVE", tags: "web", partitions: 1, replicationFactor: 1, retentionHours: 24, cleanupPolicy: "delete", schema: "",
    });
    await db.dataProduct.deleteMany({ where: { slug: "clicks" } });
    const created = await createDataProduct(ada, input);
    expect(created.topic).toBe(`${slug}-web.clicks.v1`);
    expect(created.provisioningWarning).toBeUndefined();
  });
});
