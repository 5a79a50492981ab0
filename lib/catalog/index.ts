import "server-only";

export { getDataProduct } from "./queries";
export { searchCatalog, searchCatalogForUser, type CatalogResult, type CatalogHit, type CatalogFacets, type FacetValue } from "./search";
export { connectionSettings, type ConnectionSettings } from "./connection";
export { createDataProduct, type CreatedDataProduct } from "./create-data-product";
export { getLiveTopic, type LiveTopic } from "./live";
export { creationOptions } from "./options";
export { editDataProduct } from "./edit-data-product";
export { changeTopicConfig, retryOutputPort, type TopicChangeOutcome } from "./change-topic-config";
export { addOutputPort, type AddedOutputPort } from "./add-output-port";
export { setInputPorts, productLineage } from "./input-ports";
export { publishProduct, deprecateProduct } from "./lifecycle";
export { retireProduct, type RetiredProduct } from "./retire";
