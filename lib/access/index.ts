import "server-only";

export { requestAccess, requestRenewal } from "./request-access";
export { decideAccessRequest, cancelAccessRequest, nextStep, type DecisionResult } from "./decide";
export { revokeAccess, expireDueGrants, sendExpiryNotices, EXPIRY_NOTICE_DAYS, type RevokeResult } from "./end-access";
export { addComment } from "./comments";
export { listInbox, countInbox, listMyRequests, getAccessRequestDetail, listConsumers } from "./queries";
export { getViewerAccess, type ViewerAccess } from "./viewer-access";
export { needsDataProtection, OWNERS_ABSENT_AFTER_DAYS } from "./context";
export { startAccessJobs } from "./jobs";
