import { expect } from "chai";
import { formatPerfSummary, parsePerfScript, perfAreaOf, summarisePerf } from "../../../bench/lib/perf-summary.js";

const SCRIPT = [
  "node 100/100 ",
  "\t    7f01 ossl_rsaz_amm52x20_x2_256 (/usr/bin/node)",
  "\t    7f02 node::crypto::SignJob::DoThreadPoolWork (/usr/bin/node)",
  "",
  "node 100/100 ",
  "\tffffffff81 tcp_sendmsg ([kernel.kallsyms])",
  "\t    7f03 uv__write (/usr/bin/node)",
  "\t    7f04 JS:*handleWriteReq node:internal/stream_base_commons:46:25 (/tmp/perf-100.map)",
  "\t    7f05 JS:*write file:///w/node_modules/ioredis/built/Pipeline.js:326:10 (/tmp/perf-100.map)",
  "",
  "node 100/107 ",
  "\t    7f06 v8::internal::Scavenger::ScavengeObject (/usr/bin/node)",
  "",
  "node 100/108 ",
  "\t    7f07 memcpy (/usr/lib/x86_64-linux-gnu/libc.so.6)",
  "\t    7f08 uv__worker (/usr/bin/node)",
  "",
].join("\n");

describe("bench/perf-summary", () => {
  it("reads samples with their thread and frames, innermost first", () => {
    const samples = parsePerfScript(SCRIPT);
    expect(samples.map((s) => [s.pid, s.tid, s.frames.length])).to.deep.equal([[100, 100, 2], [100, 100, 4], [100, 107, 1], [100, 108, 2]]);
    expect(samples[1]!.frames[2]).to.deep.equal({ sym: "JS:*handleWriteReq node:internal/stream_base_commons:46:25", dso: "/tmp/perf-100.map" });
  });

  it("puts OpenSSL in crypto, V8's heap in GC, a system call with the script that made it", () => {
    const [rsa, write, gc, pool] = parsePerfScript(SCRIPT);
    expect(perfAreaOf(rsa!)).to.match(/^crypto/);
    expect(perfAreaOf(write!)).to.equal("node: net (sockets)");
    expect(perfAreaOf(gc!)).to.equal("GC");
    expect(perfAreaOf(pool!)).to.equal("libuv pool (not crypto)");
  });

  it("counts main-thread and kernel samples, and formats shares as milliseconds per call", () => {
    const summary = summarisePerf(parsePerfScript(SCRIPT));
    expect([summary.samples, summary.mainThread, summary.kernel]).to.deep.equal([4, 2, 1]);
    expect(summary.leaves[0]!.samples).to.equal(1);
    const lines = formatPerfSummary(summary, 3, 2);
    expect(lines[0]).to.contain("50.0 % on the main thread, 25.0 % in the kernel");
    expect(lines.some((line) => /25\.0 %\s+0\.500 ms\s+node: net/.test(line))).to.equal(true);
  });
});
