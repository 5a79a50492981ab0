// The audit log: every state change is recorded in the transaction that makes it (record.ts);
// admins read it filtered (queries.ts) and export it streamed (export.ts).
export { recordAudit, type Actor, type AuditActor, type AuditEntry } from "./record";
