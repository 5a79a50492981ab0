import "server-only";

export { listCatalog, getDataProduct, PAGE_SIZE, type CatalogQuery } from "./queries";
export { createDataProduct, type CreatedDataProduct } from "./create-data-product";
export { getLiveTopic, type LiveTopic } from "./live";
export { creationOptions } from "./options";
