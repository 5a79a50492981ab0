// What the broker enforces, seen as the consuming principal: a real consumer (SCRAM, its own group)
// that must read a message from every topic it was granted.
import { Kafka, logLevel } from "kafkajs";
import { env } from "@/lib/env";
import { errorType, teamPassword } from "../../support/kafka-clients";

export type ReadOutcome = { read: string[]; error?: string };

export async function readEveryTopicAs(user: string, topics: string[], timeoutMs = 60_000): Promise<ReadOutcome> {
  const kafka = new Kafka({
    clientId: `faults-${user}`,
    brokers: env.KAFKA_BROKERS.split(","),
    sasl: { mechanism: "scram-sha-512", username: user, password: teamPassword(user) },
    connectionTimeout: 3000,
    requestTimeout: 10_000,
    logLevel: logLevel.NOTHING,
  });
  // Group ids under the team's own prefix: what its grants' group ACLs allow.
  const consumer = kafka.consumer({ groupId: `${user}.faults-check-${Date.now()}`, maxWaitTimeInMs: 100, retry: { retries: 4, restartOnFailure: async () => false } });
  const read = new Set<string>();
  try {
    await consumer.connect();
    return await new Promise<ReadOutcome>((resolve) => {
      const timer = setTimeout(() => resolve({ read: [...read], error: "TIMEOUT" }), timeoutMs);
      const done = (error?: string) => {
        clearTimeout(timer);
        resolve({ read: [...read], error });
      };
      consumer.on(consumer.events.CRASH, (e) => done(errorType(e.payload.error)));
      consumer
        .subscribe({ topics, fromBeginning: true })
        .then(() =>
          consumer.run({
            eachMessage: async ({ topic }) => {
              read.add(topic);
              if (read.size === topics.length) done();
            },
          }),
        )
        .catch((e: unknown) => done(errorType(e)));
    });
  } finally {
    await consumer.disconnect().catch(() => {});
  }
}
