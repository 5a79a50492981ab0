"use client";

import { useId, useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { cn } from "@/lib/utils";

export type SnippetSettings = {
  topic: string;
  bootstrap: string;
  saslMechanism: string | null;
  ssl: boolean;
  username: string;
  teamName: string | null;
};

const PASSWORD = "<your team's password>";
/** Consumer groups a team may use start with its user name (see lib/kafka defaultConsumerGroupPrefix). */
const GROUP = (s: SnippetSettings) => `${s.username}.${s.topic}`;

function protocol(s: SnippetSettings) {
  return s.saslMechanism ? (s.ssl ? "SASL_SSL" : "SASL_PLAINTEXT") : s.ssl ? "SSL" : "PLAINTEXT";
}

function java(s: SnippetSettings) {
  const lines = [`bootstrap.servers=${s.bootstrap}`, `security.protocol=${protocol(s)}`];
  if (s.saslMechanism) {
    const loginModule = s.saslMechanism === "PLAIN" ? "org.apache.kafka.common.security.plain.PlainLoginModule" : "org.apache.kafka.common.security.scram.ScramLoginModule";
    lines.push(`sasl.mechanism=${s.saslMechanism}`, `sasl.jaas.config=${loginModule} required username="${s.username}" password="${PASSWORD}";`);
  }
  lines.push(`group.id=${GROUP(s)}`, "auto.offset.reset=earliest", `# topic: ${s.topic}`);
  return lines.join("\n");
}

function python(s: SnippetSettings) {
  const sasl = s.saslMechanism
    ? `    "sasl.mechanism": "${s.saslMechanism}",\n    "sasl.username": "${s.username}",\n    "sasl.password": "${PASSWORD}",\n`
    : "";
  return `from confluent_kafka import Consumer

consumer = Consumer({
    "bootstrap.servers": "${s.bootstrap}",
    "security.protocol": "${protocol(s)}",
${sasl}    "group.id": "${GROUP(s)}",
    "auto.offset.reset": "earliest",
})
consumer.subscribe(["${s.topic}"])
while True:
    msg = consumer.poll(1.0)
    if msg is not None and msg.error() is None:
        print(msg.key(), msg.value())`;
}

function node(s: SnippetSettings) {
  const sasl = s.saslMechanism
    ? `\n  sasl: { mechanism: "${s.saslMechanism.toLowerCase()}", username: "${s.username}", password: process.env.KAFKA_PASSWORD /* ${PASSWORD} */ },`
    : "";
  return `import { Kafka } from "kafkajs";

const kafka = new Kafka({
  clientId: "${s.username}",
  brokers: ${JSON.stringify(s.bootstrap.split(","))},
  ssl: ${s.ssl},${sasl}
});
const consumer = kafka.consumer({ groupId: "${GROUP(s)}" });
await consumer.connect();
await consumer.subscribe({ topics: ["${s.topic}"], fromBeginning: true });
await consumer.run({
  eachMessage: async ({ message }) => console.log(message.key?.toString(), message.value?.toString()),
});`;
}

function kcat(s: SnippetSettings) {
  const args = [`kcat -C -b ${s.bootstrap} -t ${s.topic} -o beginning`, `-X security.protocol=${protocol(s)}`];
  if (s.saslMechanism) args.push(`-X sasl.mechanisms=${s.saslMechanism}`, `-X sasl.username=${s.username}`, `-X 'sasl.password=${PASSWORD}'`);
  return args.join(" \\\n  ");
}

const TABS = [
  { id: "java", label: "Java properties", render: java },
  { id: "python", label: "Python", render: python },
  { id: "node", label: "Node.js", render: node },
  { id: "kcat", label: "kcat", render: kcat },
] as const;

/** Copy-ready client configuration for one topic; the password is always a placeholder. */
export function ConnectionSnippets(props: SnippetSettings) {
  const [active, setActive] = useState<(typeof TABS)[number]["id"]>("java");
  const id = useId();
  const tab = TABS.find((t) => t.id === active) ?? TABS[0];
  const text = tab.render(props);
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div role="tablist" aria-label={`Connection snippets for ${props.topic}`} className="flex gap-1 rounded-md bg-slate-100 p-1">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`${id}-${t.id}`}
              aria-selected={t.id === active}
              aria-controls={`${id}-panel`}
              onClick={() => setActive(t.id)}
              className={cn(
                "rounded px-2.5 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-indigo-600",
                t.id === active ? "bg-surface text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
              )}
            >
              {t.label}
            </button>
          ))}
        </div>
        <CopyButton text={text} label={`Copy ${tab.label} snippet`} />
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${active}`}>
        <pre className="mt-2 overflow-x-auto rounded-md bg-code p-3 text-xs leading-relaxed text-on-code" tabIndex={0}>
          <code>{text}</code>
        </pre>
      </div>
      <p className="mt-2 text-xs text-slate-500">
        {props.teamName ? (
          <>
            Shown as <span className="font-mono">{props.username}</span>, the Kafka user of {props.teamName}. Reading needs an active grant for that team.
          </>
        ) : (
          <>You are in no team yet: replace <span className="font-mono">{props.username}</span> with your team&apos;s Kafka user.</>
        )}{" "}
        Ask your team&apos;s maintainers for the password; Meshport never shows it.
      </p>
    </div>
  );
}
