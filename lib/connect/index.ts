// Kafka Connect as a self-serve, owned resource (docs/decisions/0064).
export { createConnector } from "./create-connector";
export { deleteConnector, operateConnector } from "./operate";
export { connectorDetail, connectorPlugins, connectorTeamChoices, listConnectors, pluginForm, type ConnectorDetail, type ConnectorSummary, type LiveStatus } from "./queries";
export { watchConnectors } from "./watch";
export type { PluginField } from "./plugin-fields";
