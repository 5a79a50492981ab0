// kafkajs ships Kafka's error-code table (with whether each is retriable) but does not type or export it.
declare module "kafkajs/src/protocol/error.js" {
  export const errorCodes: ReadonlyArray<{ type: string; code: number; retriable: boolean; message: string }>;
}
