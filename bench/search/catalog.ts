// Synthetic but realistic catalogs for the search benchmark: a few dozen domains,
// a few hundred teams, products named from a retail/finance vocabulary, with
// descriptions, tags, Avro schemas and consumer grants. Deterministic (seeded).
import pg from "pg";

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DOMAINS = [
  "Sales", "Inventory", "Customer Service", "Payments", "Marketing", "Logistics", "Finance", "Risk", "Pricing", "Supply Chain",
  "Fulfilment", "Loyalty", "Search", "Recommendations", "Identity", "Fraud", "Billing", "Procurement", "HR", "Legal",
  "Store Operations", "Merchandising", "Returns", "Shipping", "Warehouse", "Analytics", "Compliance", "Treasury", "Tax", "Partners",
  "Mobile", "Web", "Advertising", "Content", "Catalog", "Subscriptions", "Support", "Security", "Platform", "Data Science",
];
const NOUNS = [
  "orders", "order lines", "payments", "refunds", "invoices", "shipments", "parcels", "stock levels", "stock movements", "prices",
  "price changes", "customers", "customer segments", "sessions", "clicks", "page views", "carts", "checkouts", "returns", "tickets",
  "campaigns", "impressions", "conversions", "settlements", "chargebacks", "fraud scores", "risk signals", "suppliers", "purchase orders", "deliveries",
  "routes", "drivers", "vehicles", "warehouses", "bins", "picks", "packs", "subscriptions", "renewals", "loyalty points",
  "vouchers", "promotions", "reviews", "ratings", "searches", "recommendations", "experiments", "assignments", "accounts", "ledgers",
];
const QUALIFIERS = ["daily", "hourly", "real-time", "enriched", "raw", "curated", "aggregated", "eu", "us", "apac", "b2b", "retail", "online", "store", "mobile", "weekly", "cleansed", "scored", "forecast", "historical"];
const TAGS = [
  "orders", "payments", "pii", "gdpr", "real-time", "batch", "kpi", "finance", "ecommerce", "stock", "warehouse", "logistics", "marketing",
  "attribution", "fraud", "risk", "customer", "ml-feature", "reporting", "golden-source", "events", "cdc", "snapshot", "reference-data",
  "experiment", "pricing", "supply", "mobile", "web", "store", "eu", "us", "apac", "sla-gold", "sla-silver", "deprecated-soon", "audit",
  "compliance", "tax", "loyalty", "subscriptions", "returns", "shipping", "inventory", "catalog", "search", "recommendations", "identity",
];
const FIELD_WORDS = ["id", "order", "customer", "amount", "currency", "sku", "quantity", "status", "created", "updated", "country", "channel", "price", "score", "reason", "warehouse", "carrier", "region", "segment", "session"];
const SENTENCES = [
  "Published by the owning team as the single source of truth.",
  "Updated within minutes of the event in the operational system.",
  "Keyed by the business identifier so consumers can compact it.",
  "Used by finance for month-end reconciliation and by analysts for dashboards.",
  "Contains one event per state change, never deleted, only superseded.",
  "Late events are corrected by a later event with the same key.",
  "Joins well with the customer and product reference data.",
  "Backfilled from the warehouse for the last two years.",
];

const CLASSIFICATIONS = ["PUBLIC", "INTERNAL", "INTERNAL", "INTERNAL", "CONFIDENTIAL", "CONFIDENTIAL", "RESTRICTED"];
const LIFECYCLES = ["ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "DEPRECATED", "RETIRED", "DRAFT"];

const slugify = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
const title = (s: string) => s.replace(/(^|\s)\S/g, (c) => c.toUpperCase());

export const BENCH_USER_EMAIL = "bench-analyst@example.com";

async function insertRows(client: pg.Client, table: string, columns: string[], types: string[], rows: unknown[][]) {
  const batch = 5000;
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    const arrays = columns.map((_, c) => chunk.map((r) => r[c]));
    const select = types.map((t, c) => (t === "tags" ? `string_to_array(u${c}, ',')` : `u${c}::${t}`));
    await client.query(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")})
       SELECT ${select.join(", ")} FROM unnest(${columns.map((_, c) => `$${c + 1}::text[]`).join(", ")}) AS u(${columns.map((_, c) => `u${c}`).join(", ")})`,
      arrays,
    );
  }
}

/**
 * Loads `size` products into a migrated database: an empty one, or (with `prefix`) one that already
 * holds a mesh, such as a copy of the demo's: every id and slug then starts with the prefix, so
 * nothing collides with the rows already there, and the bench analyst is left out.
 */
export async function loadCatalog(url: string, size: number, prefix = ""): Promise<void> {
  const rand = rng(size);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const domainCount = Math.min(DOMAINS.length, Math.max(6, Math.round(Math.sqrt(size) / 3)));
    const teamCount = Math.max(10, Math.round(size / 400));
    const domains = DOMAINS.slice(0, domainCount).map((name, i) => ({ id: `${prefix}d${i}`, slug: `${prefix}${slugify(name)}`, name: prefix ? `${name} (synthetic)` : name }));
    const teams = Array.from({ length: teamCount }, (_, i) => {
      const d = domains[i % domains.length]!;
      return { id: `${prefix}t${i}`, slug: `${d.slug}-team-${i}`, name: `${d.name} Team ${i}`, domainId: d.id };
    });
    // Triggers off while loading; one UPDATE at the end computes the search columns, as the migration's backfill does.
    await client.query("SET session_replication_role = replica");
    await insertRows(client, "Domain", ["id", "slug", "name"], ["text", "text", "text"], domains.map((d) => [d.id, d.slug, d.name]));
    await insertRows(client, "Team", ["id", "slug", "name", "domainId", "contactEmail"], ["text", "text", "text", "text", "text"],
      teams.map((t) => [t.id, t.slug, t.name, t.domainId, `${t.slug}@example.com`]));
    await insertRows(client, "KafkaPrincipal", ["id", "teamId", "principal"], ["text", "text", "text"], teams.map((t) => [`k${t.id}`, t.id, `User:team-${t.slug}`]));

    const products: unknown[][] = [];
    const ports: unknown[][] = [];
    const schemas: unknown[][] = [];
    const grants: unknown[][] = [];
    const now = Date.now();
    for (let i = 0; i < size; i++) {
      const team = teams[Math.floor(rand() * teams.length)]!;
      const noun = pick(NOUNS);
      const name = title(`${pick(QUALIFIERS)} ${noun}${rand() < 0.3 ? ` ${pick(QUALIFIERS)}` : ""}`) + ` ${i}`;
      const slug = `${prefix}${slugify(name)}`;
      const tags = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(TAGS)))];
      const description = `${title(noun)} from the ${domains.find((d) => d.id === team.domainId)!.name} domain. ${pick(SENTENCES)} ${pick(SENTENCES)}`;
      const id = `${prefix}p${i}`;
      const updated = new Date(now - Math.floor(rand() * 365 * 86_400_000)).toISOString();
      products.push([id, slug, name, description, team.domainId, team.id, pick(LIFECYCLES), pick(CLASSIFICATIONS), String(rand() < 0.15), tags.join(","), updated, updated]);
      ports.push([`${prefix}op${i}`, id, "events", `${team.slug}.${slug}`, "6", "3", "604800000", updated]);
      const fields = [...new Set(Array.from({ length: 3 + Math.floor(rand() * 8) }, () => `${pick(FIELD_WORDS)}_${pick(FIELD_WORDS)}`))].map((f) => ({ name: f, type: "string" }));
      schemas.push([`${prefix}sv${i}`, `${prefix}op${i}`, "1", JSON.stringify({ type: "record", name: "Event", fields })]);
      const consumers = Math.floor(rand() * rand() * 6);
      for (let c = 0; c < consumers; c++) {
        const t = teams[Math.floor(rand() * teams.length)]!;
        grants.push([`${prefix}g${i}-${c}`, "CONSUME", id, `${prefix}op${i}`, t.id, `k${t.id}`, "ACTIVE", "APPLIED", updated]);
      }
    }
    await insertRows(client, "DataProduct",
      ["id", "slug", "name", "description", "domainId", "ownerTeamId", "lifecycle", "classification", "containsPii", "tags", "createdAt", "updatedAt"],
      ["text", "text", "text", "text", "text", "text", '"Lifecycle"', '"Classification"', "boolean", "tags", "timestamp", "timestamp"], products);
    await insertRows(client, "OutputPort", ["id", "dataProductId", "name", "topic", "partitions", "replicationFactor", "retentionMs", "updatedAt"],
      ["text", "text", "text", "text", "int", "int", "bigint", "timestamp"], ports);
    await insertRows(client, "SchemaVersion", ["id", "outputPortId", "version", "definition"], ["text", "text", "int", "jsonb"], schemas);
    await insertRows(client, "Grant", ["id", "kind", "dataProductId", "outputPortId", "teamId", "principalId", "status", "provisioning", "updatedAt"],
      ["text", '"GrantKind"', "text", "text", "text", "text", '"GrantStatus"', '"ProvisioningStatus"', "timestamp"], grants);
    await client.query("SET session_replication_role = origin");
    await client.query(`UPDATE "DataProduct" SET "name" = "name"`);
    // FULL: the backfill UPDATE left a dead copy of every row; a live catalog is not half dead space.
    await client.query("VACUUM FULL");
    // VACUUM FULL leaves the visibility map empty: without a plain VACUUM no scan is index-only.
    await client.query("VACUUM ANALYZE");
    if (prefix) return;
    // The analyst the benchmark signs in as: member of two teams (sees their drafts, has access to their grants).
    await client.query(`INSERT INTO "User" ("id", "name", "email", "isDemo", "updatedAt") VALUES ('bench-user', 'Bench Analyst', $1, true, now())`, [BENCH_USER_EMAIL]);
    await client.query(`INSERT INTO "Membership" ("userId", "teamId", "role") VALUES ('bench-user', 't0', 'MEMBER'), ('bench-user', 't1', 'MAINTAINER')`);

  } finally {
    await client.end();
  }
}
