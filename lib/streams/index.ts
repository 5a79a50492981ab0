// Kafka Streams applications as registered processors (docs/decisions/0065).
export { registerProcessor, registerProcessorSchema } from "./register-processor";
