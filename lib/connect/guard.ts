import "server-only";
import { DomainError, invalid, notFound } from "@/lib/errors";
import { ConnectError, ConnectUnavailableError } from "./errors";

/** Runs Connect calls, turning what Connect says into messages a user can act on. */
export async function withConnect<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof ConnectUnavailableError) {
      throw new DomainError("UNAVAILABLE", `Kafka Connect is unreachable right now, so nothing was changed (${what}). Try again in a moment.`);
    }
    if (e instanceof ConnectError) {
      if (e.notFound) throw notFound("The connector in Kafka Connect");
      if (e.status === 409) throw new DomainError("CONFLICT", "Kafka Connect is rebalancing its workers; try again in a few seconds.");
      throw invalid(`Kafka Connect refused it: ${e.message.replace(/^Kafka Connect answered \d+: /, "")}`);
    }
    throw e;
  }
}
