import { createHash } from "node:crypto";
import type { RandomBytes } from "../../../src/crypto/srp.js";

/** A deterministic byte stream (SHA-256 in counter mode), so crypto tests repeat exactly. */
export function seeded(seed: string): RandomBytes {
  let counter = 0;
  return (size) => {
    const blocks: Buffer[] = [];
    while (blocks.length * 32 < size) blocks.push(createHash("sha256").update(`${seed}:${counter++}`).digest());
    return Buffer.concat(blocks).subarray(0, size);
  };
}
