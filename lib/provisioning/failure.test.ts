import kafkajs from "kafkajs";
import { describe, expect, it } from "vitest";
import { KafkaOperationError, KafkaUnavailableError, toKafkaError } from "@/lib/kafka/errors";
import { classifyFailure, ProvisioningRefusedError } from "./failure";

// kafkajs's own error classes, built as kafkajs builds them from a broker's answer.
type ErrorClass = new (...args: unknown[]) => Error;
const { KafkaJSProtocolError, KafkaJSAggregateError, KafkaJSNumberOfRetriesExceeded, KafkaJSConnectionError, KafkaJSNonRetriableError } = kafkajs as unknown as Record<
  "KafkaJSProtocolError" | "KafkaJSAggregateError" | "KafkaJSNumberOfRetriesExceeded" | "KafkaJSConnectionError" | "KafkaJSNonRetriableError",
  ErrorClass
>;
const brokers = ["localhost:9092"];
const fromBroker = (type: string, code: number, retriable: boolean) => new KafkaJSProtocolError({ type, code, retriable, message: type });
const viaKafkajs = (e: unknown) => classifyFailure(toKafkaError(e, brokers, "create topic t"));

describe("classifyFailure", () => {
  it("retries when Kafka does not answer", () => {
    expect(viaKafkajs(new KafkaJSConnectionError("Connection refused"))).toMatchObject({ retryable: true });
    expect(classifyFailure(new KafkaUnavailableError(brokers, "no answer within 5000 ms"))).toMatchObject({ retryable: true, error: expect.stringContaining("unreachable") });
  });

  it.each([
    ["TOPIC_AUTHORIZATION_FAILED", 29],
    ["INVALID_REPLICATION_FACTOR", 38],
    ["INVALID_CONFIG", 40],
    ["POLICY_VIOLATION", 44],
    ["CLUSTER_AUTHORIZATION_FAILED", 31],
  ])("marks %s as failed with the broker's reason", (type, code) => {
    const verdict = viaKafkajs(new KafkaJSAggregateError("create topics", [fromBroker(type, code, false)]));
    expect(verdict.retryable).toBe(false);
    expect(verdict.error).toContain(type);
  });

  it.each([
    ["NOT_CONTROLLER", 41],
    ["REQUEST_TIMED_OUT", 7],
    ["LEADER_NOT_AVAILABLE", 5],
  ])("retries the transient %s", (type, code) => {
    expect(viaKafkajs(new KafkaJSNumberOfRetriesExceeded(fromBroker(type, code, true), { retryCount: 2, retryTime: 100 }))).toMatchObject({ retryable: true });
  });

  it("classifies an error code from a response by Kafka's table (DeleteAcls answering SECURITY_DISABLED)", () => {
    expect(classifyFailure(new KafkaOperationError("delete ACLs", "DELETE_ACLS_FAILED", 54, "")).retryable).toBe(false);
    expect(classifyFailure(new KafkaOperationError("delete ACLs", "DELETE_ACLS_FAILED", 41, "")).retryable).toBe(true);
  });

  it("fails a SASL authentication error and a kafkajs non-retriable error", () => {
    expect(viaKafkajs(Object.assign(new Error("bad password"), { name: "KafkaJSSASLAuthenticationError" })).retryable).toBe(false);
    expect(viaKafkajs(new KafkaJSNonRetriableError("invalid topic name")).retryable).toBe(false);
  });

  it("fails a refused change and retries anything else", () => {
    expect(classifyFailure(new ProvisioningRefusedError("Topic t already exists with other settings"))).toEqual({ retryable: false, error: "Topic t already exists with other settings" });
    expect(classifyFailure(new Error("Can't reach database server"))).toEqual({ retryable: true, error: "Can't reach database server" });
  });
});
