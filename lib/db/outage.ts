// Shared by the server (which tags the error) and the error boundaries (which read the tag): no
// server-only import here.

/**
 * The digest of an error thrown because PostgreSQL did not answer. Next.js keeps a thrown error's
 * own digest and hands it to the error boundary (the message is hidden in production), so a page
 * whose queries fail mid-render still says the database is down instead of "something failed".
 */
export const DATABASE_DOWN_DIGEST = "meshport-database-down";

/** Whether an error reaching an error boundary is the database not answering. */
export const isDatabaseDownDigest = (error: { digest?: string }) => error.digest === DATABASE_DOWN_DIGEST;
