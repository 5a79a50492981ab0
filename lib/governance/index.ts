import "server-only";

// lib/governance: the organisation's rules as data admins set, checked by code on every change.
export * from "./policies";
export * from "./prefixes";
export * from "./topic-change";
export * from "./output-ports";
export * from "./lifecycle";
export { loadPolicies } from "./load-policies";
export { updatePolicies } from "./update-policies";
