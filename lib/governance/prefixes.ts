// Topic-name prefixes teams own (e.g. `sales.`): pure rules shared by the admin forms, the
// creation and edit forms (live verdicts) and the server. See docs/decisions/0050.

/** A prefix is lowercase, starts with a letter and ends with `.` or `-`, so `sales.` never swallows `salesforce.`. */
export const TOPIC_PREFIX_PATTERN = /^[a-z][a-z0-9.-]*[.-]$/;

export type OwnedPrefix = { prefix: string; teamId: string; teamName: string };

/** Two prefixes overlap when one starts with the other: a topic could then fall under both teams. */
export function prefixesOverlap(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/** Why `prefix` cannot be given to `teamId`, naming the team that holds the overlapping one; null when it can. */
export function prefixConflict(prefix: string, teamId: string, owned: OwnedPrefix[]): string | null {
  if (!TOPIC_PREFIX_PATTERN.test(prefix)) {
    return `"${prefix}" is not a topic prefix: use lowercase letters, digits, dots and dashes, starting with a letter and ending with "." or "-".`;
  }
  const clash = owned.find((o) => prefixesOverlap(prefix, o.prefix));
  if (!clash) return null;
  if (clash.teamId === teamId) {
    return clash.prefix === prefix ? `The team already owns "${prefix}".` : `"${prefix}" overlaps "${clash.prefix}", which this team already owns.`;
  }
  if (clash.prefix === prefix) return `"${prefix}" is already owned by team ${clash.teamName}.`;
  return `"${prefix}" overlaps "${clash.prefix}", owned by team ${clash.teamName}.`;
}

/**
 * Where a team's topics may live: under its own prefixes, or, for a team that has none yet,
 * under its domain's namespace `<domain>.` (the rule before teams owned prefixes).
 */
export function allowedTopicPrefixes(teamPrefixes: string[], domainSlug: string): string[] {
  return teamPrefixes.length > 0 ? teamPrefixes : [`${domainSlug}.`];
}

/** Why `topic` is outside the allowed prefixes; null when it falls under one. */
export function topicOutsidePrefixes(topic: string, allowed: string[]): string | null {
  if (allowed.some((p) => topic.startsWith(p))) return null;
  const list = allowed.map((p) => `"${p}"`).join(", ");
  return `The topic "${topic}" must start with ${allowed.length === 1 ? "the team's prefix" : "one of the team's prefixes"} ${list}.`;
}

/** A product's topic under a prefix: `sales.` + `orders` → `sales.orders.v1`; `web-` + `clicks` → `web-clicks.v1`. */
export function topicNameUnder(prefix: string, name: string, majorVersion = 1): string {
  return `${prefix}${name}.v${majorVersion}`;
}

