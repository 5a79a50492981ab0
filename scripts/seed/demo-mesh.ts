// The demo mesh: a retail and finance organisation with five business domains.
// Plain data, read by scripts/seed/demo.ts.

type Field = { name: string; type: unknown; doc?: string };
const f = (name: string, type: unknown, doc?: string): Field => ({ name, type, ...(doc ? { doc } : {}) });
const ts = { type: "long", logicalType: "timestamp-millis" };
const money = { type: "bytes", logicalType: "decimal", precision: 12, scale: 2 };
const opt = (type: unknown) => ["null", type];

export const domains = [
  { slug: "sales", name: "Sales", description: "Orders, carts and the storefront." },
  { slug: "inventory", name: "Inventory", description: "Stock, warehouses and replenishment." },
  { slug: "customer-service", name: "Customer Service", description: "Tickets, returns and satisfaction." },
  { slug: "payments", name: "Payments", description: "Payments, refunds and settlements." },
  { slug: "marketing", name: "Marketing", description: "Campaigns, segments and attribution." },
  { slug: "platform", name: "Platform", description: "The data platform team that runs the mesh." },
] as const;

export const teams = [
  { slug: "sales", name: "Sales Engineering", domain: "sales", principal: "team-sales", contactEmail: "sales-data@example.com" },
  { slug: "inventory", name: "Inventory Systems", domain: "inventory", principal: "team-inventory", contactEmail: "inventory-data@example.com" },
  { slug: "customer-service", name: "Customer Care Insights", domain: "customer-service", principal: "team-customer-service", contactEmail: "care-data@example.com" },
  { slug: "payments", name: "Payments Core", domain: "payments", principal: "team-payments", contactEmail: "payments-data@example.com" },
  { slug: "marketing", name: "Marketing Analytics", domain: "marketing", principal: "team-marketing", contactEmail: "marketing-data@example.com" },
  { slug: "data-platform", name: "Data Platform", domain: "platform", principal: "team-data-platform", contactEmail: "data-platform@example.com" },
] as const;

export type DemoUser = {
  name: string;
  email: string;
  teams: [team: string, role: "MAINTAINER" | "MEMBER"][];
  isPlatformAdmin?: boolean;
  isDataProtectionApprover?: boolean;
};

export const users: DemoUser[] = [
  { name: "Ada Okafor", email: "ada@example.com", teams: [["data-platform", "MAINTAINER"]], isPlatformAdmin: true },
  { name: "Sam Rivera", email: "sam@example.com", teams: [["sales", "MAINTAINER"]] },
  { name: "Sofia Lind", email: "sofia@example.com", teams: [["sales", "MEMBER"]] },
  { name: "Ivan Petrov", email: "ivan@example.com", teams: [["inventory", "MAINTAINER"]] },
  { name: "Carla Mendes", email: "carla@example.com", teams: [["customer-service", "MAINTAINER"]] },
  { name: "Paul Weber", email: "paul@example.com", teams: [["payments", "MAINTAINER"]] },
  { name: "Priya Shah", email: "priya@example.com", teams: [["payments", "MEMBER"]] },
  { name: "Mia Chen", email: "mia@example.com", teams: [["marketing", "MEMBER"]] },
  { name: "Marco Rossi", email: "marco@example.com", teams: [["marketing", "MAINTAINER"]] },
  { name: "Dana Kowalski", email: "dana@example.com", teams: [], isDataProtectionApprover: true },
];

export type DemoProduct = {
  slug: string;
  name: string;
  team: string;
  description: string;
  tags: string[];
  classification: "PUBLIC" | "INTERNAL" | "CONFIDENTIAL" | "RESTRICTED";
  containsPii?: boolean;
  lifecycle?: "DRAFT" | "ACTIVE" | "DEPRECATED";
  partitions: number;
  retentionDays: number;
  cleanupPolicy?: "delete" | "compact";
  freshnessSlaMinutes?: number;
  fields: Field[];
};

export const products: DemoProduct[] = [
  {
    slug: "orders", name: "Orders", team: "sales", classification: "INTERNAL", partitions: 6, retentionDays: 30, freshnessSlaMinutes: 5,
    tags: ["orders", "ecommerce", "real-time"],
    description: "Every order placed on the web shop and in the mobile app, **one event per state change** (placed, paid, shipped, cancelled).\n\n- Key: `orderId`\n- Source: checkout service\n- Use it for revenue dashboards, fulfilment and fraud models.",
    fields: [f("orderId", "string", "Order identifier, stable across state changes"), f("customerId", "string"), f("status", { type: "enum", name: "OrderStatus", symbols: ["PLACED", "PAID", "SHIPPED", "CANCELLED"] }), f("total", money, "Order total in EUR"), f("currency", "string"), f("channel", "string", "web or app"), f("occurredAt", ts)],
  },
  {
    slug: "order-lines", name: "Order Lines", team: "sales", classification: "INTERNAL", partitions: 6, retentionDays: 30, freshnessSlaMinutes: 2,
    tags: ["orders", "products", "ecommerce"],
    description: "The items of each order: SKU, quantity and unit price at the time of sale. Join with **Orders** on `orderId`.",
    fields: [f("orderId", "string"), f("lineNumber", "int"), f("sku", "string", "Stock keeping unit"), f("quantity", "int"), f("unitPrice", money), f("occurredAt", ts)],
  },
  {
    slug: "cart-events", name: "Shopping Cart Events", team: "sales", classification: "INTERNAL", partitions: 12, retentionDays: 7,
    tags: ["clickstream", "ecommerce", "funnel"],
    description: "Add-to-cart and remove-from-cart events from the storefront, for funnel and abandonment analysis.",
    fields: [f("sessionId", "string"), f("sku", "string"), f("action", { type: "enum", name: "CartAction", symbols: ["ADD", "REMOVE"] }), f("quantity", "int"), f("occurredAt", ts)],
  },
  {
    slug: "daily-sales-summary", name: "Daily Sales Summary", team: "sales", classification: "PUBLIC", partitions: 1, retentionDays: 90, cleanupPolicy: "compact",
    tags: ["kpi", "reporting"],
    description: "Revenue, order count and average basket per store and day. Compacted: the latest figure per `storeId` and `date` wins.",
    fields: [f("storeId", "string"), f("date", { type: "int", logicalType: "date" }), f("revenue", money), f("orders", "int"), f("averageBasket", money)],
  },
  {
    slug: "stock-levels", name: "Stock Levels", team: "inventory", classification: "INTERNAL", partitions: 6, retentionDays: 7, cleanupPolicy: "compact", freshnessSlaMinutes: 15,
    tags: ["stock", "warehouse", "real-time"],
    description: "Current on-hand and reserved quantity per SKU and warehouse. Compacted by `sku:warehouseId`, so a consumer starting from the beginning gets a full snapshot.",
    fields: [f("sku", "string"), f("warehouseId", "string"), f("onHand", "int"), f("reserved", "int"), f("updatedAt", ts)],
  },
  {
    slug: "stock-movements", name: "Stock Movements", team: "inventory", classification: "INTERNAL", partitions: 6, retentionDays: 30,
    tags: ["stock", "warehouse", "logistics"],
    description: "Receipts, picks, transfers and write-offs: every movement of goods in and out of a warehouse.",
    fields: [f("movementId", "string"), f("sku", "string"), f("warehouseId", "string"), f("kind", { type: "enum", name: "MovementKind", symbols: ["RECEIPT", "PICK", "TRANSFER", "WRITE_OFF"] }), f("quantity", "int"), f("occurredAt", ts)],
  },
  {
    slug: "purchase-orders", name: "Purchase Orders", team: "inventory", classification: "CONFIDENTIAL", partitions: 3, retentionDays: 90,
    tags: ["suppliers", "procurement"],
    description: "Orders placed with suppliers, with expected delivery dates. Supplier prices are **confidential**.",
    fields: [f("purchaseOrderId", "string"), f("supplierId", "string"), f("sku", "string"), f("quantity", "int"), f("unitCost", money), f("expectedAt", ts)],
  },
  {
    slug: "warehouse-capacity", name: "Warehouse Capacity", team: "inventory", classification: "INTERNAL", partitions: 1, retentionDays: 30, lifecycle: "DEPRECATED",
    tags: ["warehouse", "logistics"],
    description: "Hourly utilisation of each warehouse. **Deprecated**: use *Stock Levels* with the new capacity fields instead.",
    fields: [f("warehouseId", "string"), f("utilisation", "double", "0..1"), f("measuredAt", ts)],
  },
  {
    slug: "support-tickets", name: "Support Tickets", team: "customer-service", classification: "CONFIDENTIAL", containsPii: true, partitions: 3, retentionDays: 30,
    tags: ["tickets", "support", "pii"],
    description: "Tickets opened by customers through chat, phone and e-mail, with category and resolution time. Contains customer contact details.",
    fields: [f("ticketId", "string"), f("customerId", "string"), f("email", opt("string"), "Customer e-mail (personal data)"), f("channel", "string"), f("category", "string"), f("openedAt", ts), f("resolvedAt", opt(ts))],
  },
  {
    slug: "returns", name: "Returns", team: "customer-service", classification: "INTERNAL", partitions: 3, retentionDays: 60,
    tags: ["returns", "orders"],
    description: "Returned items with reason codes, linked to the original order.",
    fields: [f("returnId", "string"), f("orderId", "string"), f("sku", "string"), f("reason", "string"), f("receivedAt", ts)],
  },
  {
    slug: "customer-satisfaction", name: "Customer Satisfaction Scores", team: "customer-service", classification: "INTERNAL", partitions: 1, retentionDays: 90,
    tags: ["nps", "kpi", "survey"],
    description: "CSAT and NPS answers from post-contact surveys, anonymised.",
    fields: [f("surveyId", "string"), f("ticketId", opt("string")), f("score", "int", "0..10"), f("answeredAt", ts)],
  },
  {
    slug: "payments", name: "Payments", team: "payments", classification: "RESTRICTED", containsPii: true, partitions: 6, retentionDays: 14, freshnessSlaMinutes: 1,
    tags: ["payments", "pci", "real-time"],
    description: "Authorisations and captures from the payment service provider. **Restricted**: card data is tokenised, but amounts and customers are sensitive.",
    fields: [f("paymentId", "string"), f("orderId", "string"), f("customerId", "string"), f("method", "string"), f("amount", money), f("status", "string"), f("occurredAt", ts)],
  },
  {
    slug: "refunds", name: "Refunds", team: "payments", classification: "CONFIDENTIAL", partitions: 3, retentionDays: 30,
    tags: ["payments", "returns"],
    description: "Refunds issued to customers, with the return or complaint that caused them.",
    fields: [f("refundId", "string"), f("paymentId", "string"), f("amount", money), f("reason", "string"), f("issuedAt", ts)],
  },
  {
    slug: "hourly-order-counts", name: "Hourly Order Counts", team: "payments", classification: "INTERNAL", partitions: 1, retentionDays: 30,
    tags: ["orders", "finance", "derived"],
    description: "Orders placed per hour, derived from Sales' **Orders** by a Kafka Streams application of Payments (`team-payments.hourly-order-counts`, in `streams/hourly-order-counts`). Updated as orders arrive; one record per hour window.",
    fields: [f("windowStart", "string", "Start of the hour, ISO 8601 UTC"), f("orders", "long", "Orders counted in the hour so far")],
  },
  {
    slug: "settlements", name: "Settlements", team: "payments", classification: "CONFIDENTIAL", partitions: 1, retentionDays: 90,
    tags: ["finance", "reconciliation"],
    description: "Daily settlement files from acquirers, normalised: what was paid out, fees, and chargebacks.",
    fields: [f("settlementId", "string"), f("acquirer", "string"), f("gross", money), f("fees", money), f("net", money), f("settledOn", { type: "int", logicalType: "date" })],
  },
  {
    slug: "fraud-scores", name: "Fraud Scores", team: "payments", classification: "RESTRICTED", partitions: 3, retentionDays: 14, lifecycle: "DRAFT",
    tags: ["fraud", "ml"],
    description: "Model scores for each payment attempt. **Draft**: the model is still being validated.",
    fields: [f("paymentId", "string"), f("score", "double"), f("modelVersion", "string"), f("scoredAt", ts)],
  },
  {
    slug: "campaign-performance", name: "Campaign Performance", team: "marketing", classification: "INTERNAL", partitions: 3, retentionDays: 60,
    tags: ["campaigns", "kpi", "attribution"],
    description: "Impressions, clicks, spend and attributed orders per campaign and hour.",
    fields: [f("campaignId", "string"), f("hour", ts), f("impressions", "long"), f("clicks", "long"), f("spend", money), f("attributedOrders", "int")],
  },
  {
    slug: "customer-segments", name: "Customer Segments", team: "marketing", classification: "CONFIDENTIAL", containsPii: true, partitions: 3, retentionDays: 30, cleanupPolicy: "compact",
    tags: ["segments", "crm", "pii"],
    description: "The segment each customer belongs to (loyal, at-risk, new…), recomputed nightly. Keyed by `customerId`.",
    fields: [f("customerId", "string"), f("segment", "string"), f("score", "double"), f("computedAt", ts)],
  },
  {
    slug: "email-engagement", name: "E-mail Engagement", team: "marketing", classification: "CONFIDENTIAL", containsPii: true, partitions: 3, retentionDays: 30,
    tags: ["email", "crm", "pii"],
    description: "Opens, clicks and unsubscribes from newsletters and transactional e-mails.",
    fields: [f("messageId", "string"), f("customerId", "string"), f("event", "string"), f("occurredAt", ts)],
  },
  {
    slug: "web-sessions", name: "Web Sessions", team: "marketing", classification: "INTERNAL", partitions: 12, retentionDays: 7,
    tags: ["clickstream", "web", "attribution"],
    description: "Sessionised clickstream of the web shop: landing page, referrer, UTM parameters and duration.",
    fields: [f("sessionId", "string"), f("landingPage", "string"), f("referrer", opt("string")), f("utmCampaign", opt("string")), f("durationSeconds", "int"), f("startedAt", ts)],
  },
  {
    slug: "store-footfall", name: "Store Footfall", team: "sales", classification: "PUBLIC", partitions: 1, retentionDays: 30,
    tags: ["stores", "kpi"],
    description: "Visitor counts per physical store and 15-minute window, from door sensors.",
    fields: [f("storeId", "string"), f("windowStart", ts), f("visitors", "int")],
  },
];

export type DemoRequest = {
  product: string;
  team: string;
  requester: string;
  purpose: string;
  days: number;
  /** Approved requests get a grant and real ACLs; pending ones wait in the owners' inbox. */
  approvedBy?: string;
  /** Second approval for restricted or personal data. Without it (and with approvedBy) such a request waits for data protection. */
  dataProtectionBy?: string;
  rejected?: { by: string; reason: string };
  /** Granted, then ended: revoked by someone with a reason, or expired at its end date. */
  ended?: { as: "REVOKED"; by: string; reason: string } | { as: "EXPIRED" };
  /** Days ago the request was made (default: 20 when decided, 2 when pending). */
  ageDays?: number;
  comments?: [author: string, body: string][];
};

/** People accountable for whole domains: they stand in when a product's maintainers are absent. */
export const domainOwners: [domain: string, email: string][] = [
  ["sales", "sam@example.com"],
  ["inventory", "ivan@example.com"],
  ["customer-service", "carla@example.com"],
  ["payments", "paul@example.com"],
  ["marketing", "marco@example.com"],
  ["platform", "ada@example.com"],
];

export const requests: DemoRequest[] = [
  { product: "orders", team: "marketing", requester: "mia@example.com", purpose: "Attribute orders to campaigns in the weekly performance report.", days: 180, approvedBy: "sam@example.com" },
  { product: "stock-levels", team: "sales", requester: "sofia@example.com", purpose: "Show real-time availability on product pages.", days: 365, approvedBy: "ivan@example.com" },
  { product: "returns", team: "payments", requester: "priya@example.com", purpose: "Trigger refunds automatically when a return is received.", days: 365, approvedBy: "carla@example.com" },
  { product: "orders", team: "payments", requester: "priya@example.com", purpose: "Reconcile captured payments against placed orders.", days: 365, approvedBy: "sam@example.com" },
  { product: "order-lines", team: "inventory", requester: "ivan@example.com", purpose: "Forecast demand per SKU from sales lines.", days: 90 },
  { product: "refunds", team: "customer-service", requester: "carla@example.com", purpose: "Tell agents whether a refund was issued for a ticket.", days: 120 },
  { product: "web-sessions", team: "sales", requester: "sofia@example.com", purpose: "Measure conversion from sessions to orders per landing page.", days: 60 },
  {
    product: "customer-segments", team: "sales", requester: "sofia@example.com", purpose: "Personalise the storefront for loyalty segments.", days: 90,
    approvedBy: "marco@example.com", ageDays: 3,
    comments: [
      ["marco@example.com", "Fine from our side. The segments hold personal data, so data protection has to approve too."],
      ["sofia@example.com", "Thanks! We only need the segment id per customer, nothing else."],
    ],
  },
  {
    product: "payments", team: "customer-service", requester: "carla@example.com", purpose: "Answer customer questions about failed payments.", days: 60,
    approvedBy: "paul@example.com", dataProtectionBy: "dana@example.com", ageDays: 30,
    ended: { as: "REVOKED", by: "paul@example.com", reason: "Card data is more than support needs; use the Refunds product instead." },
  },
  {
    product: "campaign-performance", team: "sales", requester: "sofia@example.com", purpose: "Compare campaign reach with store sales for the spring review.", days: 30,
    approvedBy: "marco@example.com", ageDays: 45, ended: { as: "EXPIRED" },
  },
  {
    product: "email-engagement", team: "sales", requester: "sofia@example.com", purpose: "Send order follow-ups only to engaged customers.", days: 90, ageDays: 6,
    rejected: { by: "marco@example.com", reason: "E-mail engagement stays within Marketing; ask us for a campaign audience instead." },
  },
];
