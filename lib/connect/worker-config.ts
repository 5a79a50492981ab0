import { principalUser } from "@/lib/kafka/acl-spec";
import type { ConnectorKindName } from "./policy";

// Pure: the configuration Meshport sends to Connect. The team's settings, plus what Meshport decides:
// the name, the class, the topics, and client overrides that make every client of the connector run as
// the team's principal, its password read on the worker by FileConfigProvider (never in the config).

export type ConnectorPlan = {
  name: string;
  kind: ConnectorKindName;
  connectorClass: string;
  topics: string[];
  /** Kafka principal the connector runs as, e.g. "User:team-sales". */
  principal: string;
  settings: Record<string, string>;
};

export type ClientSecurity = {
  /** Path of the team credentials file on the workers (KAFKA_CONNECT_CREDENTIALS_FILE). */
  credentialsFile: string;
  /** SASL mechanism of the cluster, as Kafka names it (SCRAM-SHA-512). */
  saslMechanism: string;
  securityProtocol: string;
};

/** A sink's consumer group, inside the principal's group prefix so its READ ACL covers it. */
export function sinkGroupId(principal: string, name: string): string {
  return `${principalUser(principal)}.connect.${name}`;
}

export function connectConfig(plan: ConnectorPlan, security: ClientSecurity): Record<string, string> {
  const user = principalUser(plan.principal);
  const jaas = `org.apache.kafka.common.security.scram.ScramLoginModule required username="${user}" password="\${file:${security.credentialsFile}:${user}}";`;
  const config: Record<string, string> = { ...plan.settings, name: plan.name, "connector.class": plan.connectorClass };
  if (plan.kind === "SINK") {
    config.topics = plan.topics.join(",");
    config["consumer.override.group.id"] = sinkGroupId(plan.principal, plan.name);
  }
  for (const client of plan.kind === "SINK" ? ["consumer", "admin"] : ["producer", "admin"]) {
    config[`${client}.override.security.protocol`] = security.securityProtocol;
    config[`${client}.override.sasl.mechanism`] = security.saslMechanism;
    config[`${client}.override.sasl.jaas.config`] = jaas;
  }
  return config;
}

/** The settings as a page or the audit log may show them: secret values replaced. */
export function redacted(settings: Record<string, string>, secretFields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(settings)) out[k] = secretFields.includes(k) ? "(secret)" : v;
  return out;
}
