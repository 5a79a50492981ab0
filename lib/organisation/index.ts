import "server-only";

// lib/organisation: domains (with their owners), teams, members and roles, Kafka principals and topic prefixes.
export { createDomain, setDomainOwners } from "./domains";
export { createTeam, type NewTeam } from "./teams";
export { addMember, setMemberRole, removeMember } from "./members";
export { linkPrincipal, unlinkPrincipal } from "./principals";
export { addTopicPrefix, removeTopicPrefix } from "./prefixes";
export { listOrganisation, getTeam } from "./queries";
