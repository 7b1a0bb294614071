import { expect } from "chai";
import { callsSince, classifyCommands, parseCommandStats, parseCpuSeconds } from "../../../bench/lib/redis-stats.js";

describe("bench/redis-stats", () => {
  it("reads calls per command from INFO commandstats, subcommands included", () => {
    const info = [
      "# Commandstats",
      "cmdstat_evalsha:calls=12,usec=340,usec_per_call=28.33,rejected_calls=0,failed_calls=0",
      "cmdstat_config|resetstat:calls=1,usec=34,usec_per_call=34.00,rejected_calls=0,failed_calls=0",
      "cmdstat_get:calls=7,usec=2,usec_per_call=0.29,rejected_calls=0,failed_calls=0",
    ].join("\r\n");
    expect([...parseCommandStats(info)]).to.deep.equal([["evalsha", 12], ["config|resetstat", 1], ["get", 7]]);
  });

  it("adds user and system CPU seconds from INFO cpu, not the children's", () => {
    const info = "# CPU\r\nused_cpu_sys:1.250000\r\nused_cpu_user:0.500000\r\nused_cpu_sys_children:9.000000\r\nused_cpu_user_children:9.000000\r\n";
    expect(parseCpuSeconds(info)).to.equal(1.75);
  });

  it("keeps the commands that ran between two readings", () => {
    const before = new Map([["get", 5], ["set", 2]]);
    const after = new Map([["get", 9], ["set", 2], ["evalsha", 3]]);
    expect([...callsSince(before, after)]).to.deep.equal([["get", 4], ["evalsha", 3]]);
  });

  it("counts EVALSHA and a MULTI … EXEC block as one round trip each, script commands apart", () => {
    const a = "127.0.0.1:5001";
    const b = "127.0.0.1:5002";
    const trace = [
      { source: a, command: "evalsha" }, { source: "lua", command: "hget" }, { source: "lua", command: "set" },
      { source: a, command: "MULTI" }, { source: b, command: "get" }, { source: a, command: "del" }, { source: a, command: "hset" }, { source: a, command: "EXEC" },
      { source: a, command: "get" },
    ];
    expect(classifyCommands(trace)).to.deep.equal({ roundTrips: 4, clientCommands: 7, scriptCommands: 2 });
  });
});
