import { areaOf } from "./profile-summary.js";

/** One `perf script` sample: the thread it was taken on, and its frames, innermost first. */
export interface PerfSample {
  readonly pid: number;
  readonly tid: number;
  readonly frames: readonly { readonly sym: string; readonly dso: string }[];
}

export interface PerfSummary {
  readonly samples: number;
  /** Samples on the main thread (tid = pid); the rest ran on the process's other threads. */
  readonly mainThread: number;
  /** Samples whose innermost frame is in the kernel (system calls: socket reads and writes, futexes). */
  readonly kernel: number;
  readonly areas: readonly { readonly area: string; readonly samples: number; readonly kernel: number }[];
  readonly leaves: readonly { readonly name: string; readonly samples: number }[];
}

/**
 * Parses `perf script -F comm,pid,tid,ip,sym,dso` output of a call-graph recording (`perf record -g`):
 * a header line `comm pid/tid` per sample, then one indented `address symbol (dso)` line per frame.
 */
export function parsePerfScript(text: string): PerfSample[] {
  const samples: PerfSample[] = [];
  let current: { pid: number; tid: number; frames: { sym: string; dso: string }[] } | undefined;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    if (!/^\s/.test(line)) {
      const ids = /\s(\d+)\/(\d+)\s*$/.exec(line);
      if (!ids) continue;
      current = { pid: Number(ids[1]), tid: Number(ids[2]), frames: [] };
      samples.push(current);
      continue;
    }
    const frame = /^\s*[0-9a-f]+\s+(.*?)\s+\(([^()]*)\)\s*$/.exec(line);
    if (frame && current) current.frames.push({ sym: frame[1]!, dso: frame[2]! });
  }
  return samples;
}

const OPENSSL = /^(__bn_|__Keccak|MOD_EXP_|ossl_|OPENSSL_|EVP_|evp_|BN_|bn_|RSA|rsa|rsaz_|sha\d|SHA\d|KECCAK|Keccak|keccak|aesni_|aes_|AES_|gcm_|GCM|CRYPTO_|HMAC|hmac|DH_|dh_|OBJ_|RAND_|rand_|drbg|ASN1|asn1_|X509|i2d_|d2i_|ERR_|EC_|ec_|ecp_|x25519|ChaCha|chacha|Poly1305|md5|MD5|PEM|BIO_|DSA|dsa|kdf_|KDF|HKDF|hkdf|provider|pkey_|OSSL_|EVP|_x86_64|x86_64_|mul_add|sqr_add|bn_mul|digest_)/;
const GC = /v8::internal::(Heap|Scavenger|MarkCompact|MinorMarkCompact|MinorMarkSweep|Sweeper|ConcurrentMarking|MarkingVisitor|MainMarkingVisitor|IncrementalMarking|GCTracer|ScavengeJob|Evacuat|RecordMigratedSlot|RememberedSet|SlotSet|MarkingBarrier|PagedSpace|SemiSpace|NewSpace|ArrayBufferSweeper|LocalHeap::|Scavenge|FullEvacuator|PointersUpdating)|^(heap::base|cppgc)::|Builtins_RecordWrite|_GC_/;
const COMPILER = /v8::internal::(compiler|maglev|baseline|Compiler|Parser|Scanner|interpreter::Bytecode|Zone)|Builtins_CompileLazy|v8::internal::(OptimizingCompileDispatcher|Deoptimizer)/;

/** `JS:*name url:line:col` (V8's perf map): the function's script URL, or undefined for other symbols. */
function jsUrl(sym: string): { readonly url: string; readonly name: string } | undefined {
  const match = /^JS:[*~^+]?(.*?)\s*(\S+?)(?::\d+){0,2}$/.exec(sym);
  return match ? { name: match[1]!, url: match[2]! } : undefined;
}

/**
 * The area a sample's CPU belongs to, walking from the innermost frame out: OpenSSL (statically in
 * node) and node::crypto are crypto; V8's heap is GC; its compilers are the compiler; nghttp2 and
 * node::http2 are http2; the first JavaScript frame with a URL decides otherwise (areaOf, as for a
 * .cpuprofile), so a socket write the kernel does for ioredis counts as ioredis. A sample with none
 * of these is the event loop's own (main thread) or its thread's kind.
 */
export function perfAreaOf(sample: PerfSample): string {
  for (const { sym, dso } of sample.frames) {
    if (OPENSSL.test(sym) || sym.startsWith("node::crypto::")) return "crypto: node:crypto, OpenSSL, BigInt (src/crypto)";
    if (GC.test(sym)) return "GC";
    if (COMPILER.test(sym)) return "V8 compiler (JIT)";
    if (sym.startsWith("nghttp2_") || sym.startsWith("node::http2::")) return "node: http2 (grpc-js's transport)";
    const js = jsUrl(sym);
    const area = js && areaOf(js.url, js.name);
    if (area !== undefined && dso !== "[kernel.kallsyms]") return area;
  }
  if (sample.frames.length > 0 && sample.frames.every((f) => /\/libc\.so|^\[unknown\]$/.test(f.dso))) return "libc (malloc, free, memcpy: its caller unknown, libc keeps no frame pointers)";
  const frames = sample.frames.map((f) => f.sym).join(" ");
  if (sample.tid === sample.pid) return /uv__io_poll|uv_run/.test(frames) ? "event loop (libuv, no JS frame)" : "(native, main thread, no JS frame)";
  if (/uv__worker|worker\(void\*\)/.test(frames)) return "libuv pool (not crypto)";
  if (/v8::platform|WorkerThreadsTaskRunner|DefaultWorkerThreadsTaskRunner/.test(frames)) return "V8 helper threads (not GC or compiler)";
  return "other threads";
}

/** Samples by area (with how many were in the kernel) and by innermost symbol, busiest first. */
export function summarisePerf(samples: readonly PerfSample[]): PerfSummary {
  const areas = new Map<string, { samples: number; kernel: number }>();
  const leaves = new Map<string, number>();
  let mainThread = 0;
  let kernel = 0;
  for (const sample of samples) {
    const area = perfAreaOf(sample);
    const inKernel = sample.frames[0]?.dso === "[kernel.kallsyms]";
    const entry = areas.get(area) ?? { samples: 0, kernel: 0 };
    entry.samples++;
    if (inKernel) entry.kernel++;
    areas.set(area, entry);
    const leaf = sample.frames[0];
    const name = leaf === undefined ? "(no frames)" : inKernel ? `[kernel] ${leaf.sym}` : leaf.sym;
    leaves.set(name, (leaves.get(name) ?? 0) + 1);
    if (sample.tid === sample.pid) mainThread++;
    if (inKernel) kernel++;
  }
  return {
    samples: samples.length, mainThread, kernel,
    areas: [...areas].sort((a, b) => b[1].samples - a[1].samples).map(([area, n]) => ({ area, ...n })),
    leaves: [...leaves].sort((a, b) => b[1] - a[1]).map(([name, n]) => ({ name, samples: n })),
  };
}

/** As lines: areas with their kernel part, then the busiest innermost symbols; ms per call when the process's CPU per call is given. */
export function formatPerfSummary(summary: PerfSummary, top = 25, msPerCall?: number): string[] {
  const share = (n: number) => n / Math.max(1, summary.samples);
  const cell = (n: number) => `${(100 * share(n)).toFixed(1).padStart(5)} %${msPerCall === undefined ? "" : `${(share(n) * msPerCall).toFixed(3).padStart(8)} ms`}`;
  return [
    `${summary.samples} samples of CPU time (perf, every thread): ${(100 * share(summary.mainThread)).toFixed(1)} % on the main thread, ${(100 * share(summary.kernel)).toFixed(1)} % in the kernel${msPerCall === undefined ? "" : `; ms per call of the process's ${msPerCall.toFixed(3)} ms`}`,
    "by area (a frame's area, else its caller's: kernel time counts with the code that made the system call):",
    ...summary.areas.map((a) => `  ${cell(a.samples)}  ${a.area}${a.kernel > 0 ? ` (in the kernel: ${(100 * share(a.kernel)).toFixed(1)} %)` : ""}`),
    `top ${top} innermost symbols:`,
    ...summary.leaves.slice(0, top).map((l) => `  ${cell(l.samples)}  ${l.name}`),
  ];
}
