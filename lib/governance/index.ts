import "server-only";

// lib/governance: the organisation's rules as data admins set, checked by code on every change.
export * from "./policies";
export { loadPolicies } from "./load-policies";
export { updatePolicies } from "./update-policies";
