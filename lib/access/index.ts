import "server-only";

export { requestAccess } from "./request-access";
export { decideAccessRequest, cancelAccessRequest, type DecisionResult } from "./decide";
export { listInbox, countInbox, listMyRequests } from "./queries";
export { getViewerAccess, type ViewerAccess } from "./viewer-access";
