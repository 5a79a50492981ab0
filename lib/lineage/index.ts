// Lineage of the mesh: products, teams, connectors and Kafka Streams processors (docs/decisions/0065).
export { meshLineage, productImpact, productLineageGraph, type ProductLineage } from "./queries";
export { unobservedGrant, type Knowledge, type LineageEdge, type LineageGraph, type LineageNode, type Reached } from "./graph";
