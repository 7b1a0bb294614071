// A seeded request fuzzer for the gRPC API: for every method of every served service it sends
// (a) well-formed messages with random field values, built from the service's own descriptors, and
// (b) random raw bytes, with and without admin credentials, and tallies the status codes. Used by
// test/integration/fuzz.test.ts (bounded) and `make fuzz` (FUZZ_ITERATIONS, FUZZ_SEED).
import { createFileRegistry, ScalarType, type DescField, type DescMessage, type DescService } from "@bufbuild/protobuf";
import { FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import { fromBinary } from "@bufbuild/protobuf";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import * as grpc from "@grpc/grpc-js";
import { createHash } from "node:crypto";
import { descriptorSet } from "../../src/gen/descriptors.js";

/** A small deterministic generator (SHA-256 in counter mode), so a seed replays a run exactly. */
export class Rng {
  private pool = Buffer.alloc(0);
  private counter = 0;
  constructor(private readonly seed: string) {}

  bytes(size: number): Buffer {
    while (this.pool.length < size) {
      this.pool = Buffer.concat([this.pool, createHash("sha256").update(`${this.seed}:${this.counter++}`).digest()]);
    }
    const out = this.pool.subarray(0, size);
    this.pool = this.pool.subarray(size);
    return Buffer.from(out);
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return n <= 1 ? 0 : this.bytes(4).readUInt32BE(0) % n;
  }
  chance(p: number): boolean {
    return this.int(1_000_000) < p * 1_000_000;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}

/** A served unary or streaming method, by its full path. */
export interface FuzzMethod {
  readonly path: string;
  readonly service: string;
  readonly kind: "unary" | "server_streaming" | "client_streaming" | "bidi_streaming";
  readonly input: DescMessage | undefined;
}

const registry = createFileRegistry(fromBinary(FileDescriptorSetSchema, descriptorSet));

/** Every method of the named services (from the embedded descriptors), plus reflection (raw bytes only). */
export function methodsOf(serviceNames: readonly string[]): FuzzMethod[] {
  const methods: FuzzMethod[] = [];
  for (const name of serviceNames) {
    const service = registry.getService(name) as DescService | undefined;
    if (!service) throw new Error(`no descriptor for ${name}`);
    for (const method of service.methods) methods.push({ path: `/${service.typeName}/${method.name}`, service: service.typeName, kind: method.methodKind, input: method.input });
  }
  for (const name of ["grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"]) {
    methods.push({ path: `/${name}/ServerReflectionInfo`, service: name, kind: "bidi_streaming", input: undefined });
  }
  return methods;
}

/** Values a real caller might send, so random requests reach past validation into the flows. */
export interface Vocabulary {
  readonly strings: readonly string[];
}

const SHAPES: readonly ((r: Rng) => string)[] = [
  () => "",
  (r) => r.bytes(1 + r.int(40)).toString("hex"),
  (r) => r.bytes(1 + r.int(60)).toString("base64"),
  (r) => "x".repeat(r.pick([127, 128, 129, 255, 256, 257, 2048, 2049, 20_000])),
  (r) => String.fromCodePoint(...Array.from({ length: 1 + r.int(12) }, () => r.pick([0, 1, 0x1f, 0x7f, 0xe9, 0x200b, 0x202e, 0xfeff, 0xffff, 0x1f600, 0x10ffff]))),
  (r) => `${r.bytes(4).toString("hex")}@example.com`,
  (r) => `+1${r.int(10_000_000_000)}`,
  (r) => String(r.pick([-1, 0, 1, 2 ** 31, 2 ** 53, -(2 ** 63)])),
  (r) => `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify({ iss: "x", exp: r.int(2 ** 31) })).toString("base64url")}.`,
  (r) => r.pick(["null", "{}", "[]", "../../etc/passwd", "%00", "${jndi:x}", "'; DROP TABLE", "*", "\\", "a:b:c", "us-east-1_", "_"]),
];

function randomString(r: Rng, vocabulary: Vocabulary): string {
  if (vocabulary.strings.length > 0 && r.chance(0.45)) return r.pick(vocabulary.strings);
  return r.pick(SHAPES)(r);
}

const AUTH_PARAMETER_KEYS = ["USERNAME", "PASSWORD", "SRP_A", "SECRET_HASH", "REFRESH_TOKEN", "REFRESH_TOKEN_AUTH", "NEW_PASSWORD", "PASSWORD_CLAIM_SIGNATURE", "PASSWORD_CLAIM_SECRET_BLOCK", "TIMESTAMP", "ANSWER", "DEVICE_KEY", "CHALLENGE_NAME", "userAttributes.email"];

/** A well-formed encoding of `message` with random values in random fields (depth-limited). */
export function randomMessage(message: DescMessage, r: Rng, vocabulary: Vocabulary, depth = 0): Uint8Array {
  const writer = new BinaryWriter();
  const chosenOneofMember = new Map(message.oneofs.map((oneof) => [oneof, r.pick(oneof.fields)]));
  for (const field of message.fields) {
    if (field.oneof && chosenOneofMember.get(field.oneof) !== field) continue;
    if (!r.chance(0.75)) continue;
    writeField(writer, field, r, vocabulary, depth);
  }
  return writer.finish();
}

function writeField(writer: BinaryWriter, field: DescField, r: Rng, vocabulary: Vocabulary, depth: number): void {
  const count = () => r.pick([0, 1, 1, 2, 3, 5, r.int(60)]);
  switch (field.fieldKind) {
    case "scalar":
      return writeScalar(writer, field.number, field.scalar, r, vocabulary);
    case "enum":
      return void writer.tag(field.number, WireType.Varint).int32(randomEnum(field.enum.values.map((v) => v.number), r));
    case "message":
      if (depth < 4) writer.tag(field.number, WireType.LengthDelimited).bytes(randomMessage(field.message, r, vocabulary, depth + 1));
      return;
    case "list":
      for (let i = count(); i > 0; i--) {
        if (field.listKind === "scalar") writeScalar(writer, field.number, field.scalar, r, vocabulary);
        else if (field.listKind === "enum") writer.tag(field.number, WireType.Varint).int32(randomEnum(field.enum.values.map((v) => v.number), r));
        else if (depth < 4) writer.tag(field.number, WireType.LengthDelimited).bytes(randomMessage(field.message, r, vocabulary, depth + 1));
      }
      return;
    case "map":
      for (let i = count(); i > 0; i--) {
        const entry = new BinaryWriter();
        if (field.mapKey === ScalarType.STRING) entry.tag(1, WireType.LengthDelimited).string(r.chance(0.6) ? r.pick(AUTH_PARAMETER_KEYS) : randomString(r, vocabulary));
        else writeScalar(entry, 1, field.mapKey, r, vocabulary);
        if (field.mapKind === "scalar") writeScalar(entry, 2, field.scalar, r, vocabulary);
        else if (field.mapKind === "enum") entry.tag(2, WireType.Varint).int32(randomEnum(field.enum.values.map((v) => v.number), r));
        else if (depth < 4) entry.tag(2, WireType.LengthDelimited).bytes(randomMessage(field.message, r, vocabulary, depth + 1));
        writer.tag(field.number, WireType.LengthDelimited).bytes(entry.finish());
      }
      return;
  }
}

function randomEnum(known: number[], r: Rng): number {
  return r.chance(0.8) ? r.pick(known) : r.pick([-1, 99, 2 ** 31 - 1, -(2 ** 31)]);
}

function randomNumber(r: Rng): number {
  return r.pick([0, 1, -1, 7, 60, 3600, 2 ** 31 - 1, -(2 ** 31), r.int(1000), r.int(2 ** 31)]);
}

function writeScalar(writer: BinaryWriter, number: number, type: ScalarType, r: Rng, vocabulary: Vocabulary): void {
  switch (type) {
    case ScalarType.STRING:
      return void writer.tag(number, WireType.LengthDelimited).string(randomString(r, vocabulary));
    case ScalarType.BYTES:
      return void writer.tag(number, WireType.LengthDelimited).bytes(r.bytes(r.int(80)));
    case ScalarType.BOOL:
      return void writer.tag(number, WireType.Varint).bool(r.chance(0.5));
    case ScalarType.DOUBLE:
      return void writer.tag(number, WireType.Bit64).double(r.pick([0, -1, 1e308, Number.NaN, Infinity, 0.5]));
    case ScalarType.FLOAT:
      return void writer.tag(number, WireType.Bit32).float(r.pick([0, -1, 3.4e38, Number.NaN, 0.5]));
    case ScalarType.INT32:
      return void writer.tag(number, WireType.Varint).int32(randomNumber(r));
    case ScalarType.SINT32:
      return void writer.tag(number, WireType.Varint).sint32(randomNumber(r));
    case ScalarType.UINT32:
      return void writer.tag(number, WireType.Varint).uint32(Math.abs(randomNumber(r)) >>> 0);
    case ScalarType.FIXED32:
      return void writer.tag(number, WireType.Bit32).fixed32(Math.abs(randomNumber(r)) >>> 0);
    case ScalarType.SFIXED32:
      return void writer.tag(number, WireType.Bit32).sfixed32(randomNumber(r));
    case ScalarType.INT64:
      return void writer.tag(number, WireType.Varint).int64(r.pick(["0", "-1", "9223372036854775807", "-9223372036854775808", String(r.int(2 ** 31))]));
    case ScalarType.SINT64:
      return void writer.tag(number, WireType.Varint).sint64(r.pick(["0", "-1", "9223372036854775807", String(r.int(2 ** 31))]));
    case ScalarType.UINT64:
      return void writer.tag(number, WireType.Varint).uint64(r.pick(["0", "18446744073709551615", String(r.int(2 ** 31))]));
    case ScalarType.FIXED64:
      return void writer.tag(number, WireType.Bit64).fixed64(r.pick(["0", "18446744073709551615"]));
    case ScalarType.SFIXED64:
      return void writer.tag(number, WireType.Bit64).sfixed64(r.pick(["0", "-9223372036854775808"]));
  }
}

/** Random bytes of a random length, sometimes a valid-looking prefix (a tag) followed by junk. */
export function randomBytes(r: Rng): Buffer {
  const length = r.pick([0, 1, 1, 2, 3, 5, 8, 16, 64, 300, r.int(4096)]);
  const bytes = r.bytes(length);
  if (length > 0 && r.chance(0.3)) bytes[0] = r.pick([0x0a, 0x12, 0x08, 0x10, 0x1a, 0x22, 0xff]);
  return bytes;
}

/** The status a call ended with (OK for a unary answer, or when a stream was cut after its first message). */
export function rawCall(client: grpc.Client, method: FuzzMethod, payload: Buffer, metadata: grpc.Metadata, deadlineMs: number): Promise<grpc.status> {
  const identity = (bytes: Buffer) => bytes;
  const options = { deadline: Date.now() + deadlineMs };
  return new Promise((resolve) => {
    switch (method.kind) {
      case "unary":
        client.makeUnaryRequest(method.path, identity, identity, payload, metadata, options, (error) => resolve(error ? error.code : grpc.status.OK));
        return;
      case "server_streaming": {
        const call = client.makeServerStreamRequest(method.path, identity, identity, payload, metadata, options);
        let settled = false;
        const settle = (code: grpc.status) => {
          if (!settled) resolve(code);
          settled = true;
        };
        // A watch never ends by itself: its first message is the answer.
        call.on("data", () => {
          settle(grpc.status.OK);
          call.cancel();
        });
        call.on("error", (error: grpc.ServiceError) => settle(error.code));
        call.on("status", (status: grpc.StatusObject) => settle(status.code));
        return;
      }
      case "client_streaming":
      case "bidi_streaming": {
        const call = client.makeBidiStreamRequest(method.path, identity, identity, metadata, options);
        let settled = false;
        const settle = (code: grpc.status) => {
          if (!settled) resolve(code);
          settled = true;
        };
        call.on("data", () => undefined);
        call.on("error", (error: grpc.ServiceError) => settle(error.code));
        call.on("status", (status: grpc.StatusObject) => settle(status.code));
        call.write(payload);
        call.end();
        return;
      }
    }
  });
}

/** Status codes by method, and the calls that broke the rules (with how to replay them). */
export interface FuzzTally {
  readonly calls: number;
  readonly byCode: Map<string, number>;
  readonly violations: string[];
}

export interface FuzzRun {
  readonly address: string;
  readonly seed: string;
  /** Calls per method and per kind (structured / raw; unauthenticated raw on admin methods). */
  readonly iterations: number;
  readonly methods: readonly FuzzMethod[];
  readonly vocabulary: Vocabulary;
  /** Metadata that authenticates on AdminService. */
  readonly adminMetadata: () => grpc.Metadata;
  readonly concurrency?: number;
  readonly deadlineMs?: number;
}

/**
 * Sends every method `iterations` structured requests (admin methods with credentials), as many
 * raw-byte requests (with credentials), and as many raw-byte requests without credentials. Rules:
 * never INTERNAL or UNKNOWN (a thrown bug) or DEADLINE_EXCEEDED (a hang); AdminService without
 * credentials is UNAUTHENTICATED whatever the bytes.
 */
export async function fuzz(run: FuzzRun): Promise<FuzzTally> {
  const client = new grpc.Client(run.address, grpc.credentials.createInsecure());
  const byCode = new Map<string, number>();
  const violations: string[] = [];
  let calls = 0;
  const jobs: (() => Promise<void>)[] = [];
  for (const method of run.methods) {
    const r = new Rng(`${run.seed}:${method.path}`);
    const admin = method.service === "identity.v1.AdminService";
    for (let i = 0; i < run.iterations; i++) {
      const structured = method.input ? Buffer.from(randomMessage(method.input, r, run.vocabulary)) : randomBytes(r);
      const raw = randomBytes(r);
      const cases: [string, Buffer, grpc.Metadata][] = [
        ["structured", structured, admin ? run.adminMetadata() : new grpc.Metadata()],
        ["raw", raw, admin ? run.adminMetadata() : new grpc.Metadata()],
      ];
      if (admin) cases.push(["unauthenticated", r.chance(0.5) ? raw : structured, new grpc.Metadata()]);
      for (const [kind, payload, metadata] of cases) {
        jobs.push(async () => {
          const code = await rawCall(client, method, payload, metadata, run.deadlineMs ?? 20_000);
          calls++;
          const name = grpc.status[code] ?? String(code);
          byCode.set(name, (byCode.get(name) ?? 0) + 1);
          const broken = code === grpc.status.INTERNAL || code === grpc.status.UNKNOWN || code === grpc.status.DEADLINE_EXCEEDED || (kind === "unauthenticated" && code !== grpc.status.UNAUTHENTICATED);
          if (broken && violations.length < 20) violations.push(`${method.path} ${kind} → ${name} (seed ${run.seed}, ${i}, bytes ${payload.subarray(0, 64).toString("hex")}${payload.length > 64 ? "…" : ""})`);
        });
      }
    }
  }
  const workers = Array.from({ length: run.concurrency ?? 8 }, async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) await job();
  });
  try {
    await Promise.all(workers);
  } finally {
    client.close();
  }
  return { calls, byCode, violations };
}
