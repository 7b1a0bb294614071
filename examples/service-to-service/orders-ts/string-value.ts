// google.protobuf.StringValue on the wire (field 1, length-delimited UTF-8), so the three services
// share messages without generated code: Go uses wrapperspb, Python wrappers_pb2.
export function encodeStringValue(value: string): Buffer {
  const bytes = Buffer.from(value, "utf8");
  if (bytes.length === 0) return Buffer.alloc(0);
  const length: number[] = [];
  for (let n = bytes.length; ; n >>>= 7) {
    if (n < 0x80) {
      length.push(n);
      break;
    }
    length.push((n & 0x7f) | 0x80);
  }
  return Buffer.concat([Buffer.from([0x0a, ...length]), bytes]);
}

export function decodeStringValue(buffer: Buffer): string {
  let value = "";
  for (let i = 0; i < buffer.length; ) {
    const tag = buffer[i++]!;
    if ((tag & 7) !== 2) throw new Error("StringValue: unexpected wire type");
    let length = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = buffer[i++];
      if (byte === undefined || shift > 28) throw new Error("StringValue: bad length");
      length |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
    }
    if (i + length > buffer.length) throw new Error("StringValue: truncated");
    if (tag === 0x0a) value = buffer.toString("utf8", i, i + length);
    i += length;
  }
  return value;
}
