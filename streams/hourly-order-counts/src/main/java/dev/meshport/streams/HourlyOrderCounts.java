package dev.meshport.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Orders per hour: counts the records of the input topic (Sales' Orders) in one-hour windows of their
 * timestamps, and writes {"windowStart": ..., "orders": n} to the output topic (a Payments product).
 * Runs as the team's own principal; its application id starts with the principal's group prefix, so the
 * grants Meshport manages cover its consumer group, and its internal topics (repartition, changelog)
 * start with "<application id>-".
 *
 * Settings from the environment: STREAMS_BOOTSTRAP, STREAMS_USERNAME, STREAMS_PASSWORD, STREAMS_APPLICATION_ID,
 * STREAMS_INPUT, STREAMS_OUTPUT, STREAMS_STATE_DIR.
 */
public final class HourlyOrderCounts {
  private HourlyOrderCounts() {}

  private static String env(String name) {
    String v = System.getenv(name);
    if (v == null || v.isEmpty()) throw new IllegalArgumentException(name + " is not set");
    return v;
  }

  public static void main(String[] args) throws InterruptedException {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, env("STREAMS_APPLICATION_ID"));
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, env("STREAMS_BOOTSTRAP"));
    p.put(StreamsConfig.STATE_DIR_CONFIG, env("STREAMS_STATE_DIR"));
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 2000);
    p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
    p.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
    p.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + env("STREAMS_USERNAME") + "\" password=\"" + env("STREAMS_PASSWORD") + "\";");

    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(env("STREAMS_INPUT"), Consumed.with(Serdes.Bytes(), Serdes.Bytes()))
        .map((key, value) -> KeyValue.pair("all", value))
        .groupByKey(Grouped.with("orders-by-hour", Serdes.String(), Serdes.Bytes()))
        .windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofHours(1)))
        .count(Materialized.<String, Long, WindowStore<Bytes, byte[]>>as("hourly-counts"))
        .toStream()
        .map((window, count) -> KeyValue.pair(
            Instant.ofEpochMilli(window.window().start()).toString(),
            "{\"windowStart\":\"" + Instant.ofEpochMilli(window.window().start()) + "\",\"orders\":" + count + "}"))
        .to(env("STREAMS_OUTPUT"), Produced.with(Serdes.String(), Serdes.String()));

    KafkaStreams streams = new KafkaStreams(builder.build(), p);
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      streams.close(Duration.ofSeconds(10));
      done.countDown();
    }));
    streams.setStateListener((now, before) -> System.out.println("state " + before + " -> " + now));
    streams.start();
    done.await();
  }
}
