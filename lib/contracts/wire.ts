import avro from "avsc";
import protobuf from "protobufjs";
import type { SchemaFormat } from "./model";

// Confluent wire format: magic byte 0, the registry's schema id (4 bytes, big-endian), then the payload:
// Avro binary; JSON text; or, for Protobuf, the message indexes (zig-zag varints, [0] written as a single
// 0) and the message. What producers with Confluent serializers write and consumers read.

export const MAGIC = 0;

export function schemaIdOf(buffer: Buffer): number | null {
  return buffer.length >= 5 && buffer[0] === MAGIC ? buffer.readInt32BE(1) : null;
}

function header(id: number): Buffer {
  const h = Buffer.alloc(5);
  h[0] = MAGIC;
  h.writeInt32BE(id, 1);
  return h;
}

/** A codec for one registered schema (its text as the registry holds it). */
export type Codec = { encode(id: number, value: unknown): Buffer; decode(buffer: Buffer): unknown };

function firstMessage(root: protobuf.Root): protobuf.Type {
  const walk = (ns: protobuf.NamespaceBase): protobuf.Type | null => {
    for (const n of ns.nestedArray) {
      if (n instanceof protobuf.Type) return n;
      if (n instanceof protobuf.Namespace) {
        const t = walk(n);
        if (t) return t;
      }
    }
    return null;
  };
  const t = walk(root);
  if (!t) throw new Error("the .proto declares no message");
  return t;
}

function readVarint(buffer: Buffer, offset: number): { value: number; offset: number } {
  let result = 0;
  let shift = 0;
  let byte: number;
  do {
    byte = buffer[offset++] ?? 0;
    result |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return { value: (result >>> 1) ^ -(result & 1), offset }; // zig-zag
}

/** Avro decimals (bytes, two's complement of the unscaled value) read and written as decimal strings, "12.50". */
class Decimal extends avro.types.LogicalType {
  private readonly scale: number;
  constructor(attrs: avro.Schema, opts?: object) {
    super(attrs, opts);
    this.scale = (attrs as { scale?: number }).scale ?? 0;
  }
  _fromValue(value: Buffer): string {
    const unscaled = value.length ? BigInt.asIntN(value.length * 8, BigInt(`0x${value.toString("hex")}`)) : 0n;
    return (Number(unscaled) / 10 ** this.scale).toFixed(this.scale);
  }
  _toValue(value: unknown): Buffer | undefined {
    const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
    if (!Number.isFinite(n)) return undefined;
    let unscaled = BigInt(Math.round(n * 10 ** this.scale));
    const bytes: number[] = [];
    do {
      bytes.unshift(Number(unscaled & 0xffn));
      unscaled >>= 8n;
    } while (unscaled !== 0n && unscaled !== -1n);
    if ((bytes[0]! & 0x80) !== (unscaled === -1n ? 0x80 : 0)) bytes.unshift(unscaled === -1n ? 0xff : 0);
    return Buffer.from(bytes);
  }
  _resolve(type: avro.Type) {
    return type instanceof Decimal ? (v: string) => v : undefined;
  }
}

/** The avsc type of an Avro schema text, with decimals as strings. */
export function avroType(text: string): avro.Type {
  return avro.Type.forSchema(JSON.parse(text) as avro.Schema, { logicalTypes: { decimal: Decimal as unknown as new () => avro.types.LogicalType } });
}

/** The first message type of a .proto text. */
export function protoMessage(text: string): protobuf.Type {
  return firstMessage(protobuf.parse(text, { keepCase: true }).root);
}

export function codecFor(format: SchemaFormat, text: string): Codec {
  if (format === "AVRO") {
    const type = avroType(text);
    return {
      encode: (id, value) => Buffer.concat([header(id), type.toBuffer(value)]),
      decode: (buffer) => type.fromBuffer(buffer.subarray(5)),
    };
  }
  if (format === "JSON_SCHEMA") {
    return {
      encode: (id, value) => Buffer.concat([header(id), Buffer.from(JSON.stringify(value))]),
      decode: (buffer) => JSON.parse(buffer.subarray(5).toString("utf8")) as unknown,
    };
  }
  const message = protoMessage(text);
  return {
    encode: (id, value) => Buffer.concat([header(id), Buffer.from([0]), Buffer.from(message.encode(message.fromObject(value as Record<string, unknown>)).finish())]),
    decode: (buffer) => {
      const first = readVarint(buffer, 5);
      const count = first.value;
      let offset = first.offset;
      for (let i = 0; i < count; i++) offset = readVarint(buffer, offset).offset; // only the first message is produced here
      return message.toObject(message.decode(buffer.subarray(offset)), { longs: Number, enums: String, defaults: true });
    },
  };
}
