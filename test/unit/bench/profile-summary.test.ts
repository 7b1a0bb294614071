import { expect } from "chai";
import { areaOf, callersOf, formatSummary, summariseProfile, type CpuProfile } from "../../../bench/lib/profile-summary.js";

const frame = (functionName: string, url = "", lineNumber = 0) => ({ functionName, url, lineNumber });

describe("bench/profile-summary", () => {
  it("puts frames in areas by where their code lives", () => {
    const root = "file:///work/identity";
    expect(areaOf(`${root}/node_modules/@grpc/grpc-js/build/src/server.js`, "f")).to.equal("grpc-js");
    expect(areaOf(`${root}/node_modules/ioredis/built/Command.js`, "f")).to.equal("ioredis");
    expect(areaOf(`${root}/dist/gen/identity/v1/m2m.js`, "decode")).to.match(/^protobuf/);
    expect(areaOf(`${root}/node_modules/@bufbuild/protobuf/dist/esm/wire/binary-encoding.js`, "f")).to.match(/^protobuf/);
    expect(areaOf(`${root}/node_modules/jose/dist/node/esm/jwt/sign.js`, "f")).to.equal("jose");
    expect(areaOf(`${root}/dist/crypto/srp.js`, "serverSessionKey")).to.match(/^crypto/);
    expect(areaOf("node:internal/crypto/sig", "signOneShot")).to.match(/^crypto/);
    expect(areaOf(`${root}/dist/flows/sign-in/password-auth.js`, "passwordAuth")).to.equal("our src/flows");
    expect(areaOf(`${root}/dist/app.js`, "startApp")).to.equal("our src/app");
    expect(areaOf("", "(garbage collector)")).to.equal("GC");
    expect(areaOf("", "computeSecret")).to.equal(undefined);
  });

  it("counts self samples inside the window, natives with their caller's area, idle apart", () => {
    const profile: CpuProfile = {
      startTime: 1000, endTime: 1600,
      nodes: [
        { id: 1, callFrame: frame("(root)"), children: [2, 3, 5] },
        { id: 2, callFrame: frame("modPow", "file:///x/dist/crypto/modpow.js", 29), children: [4] },
        { id: 3, callFrame: frame("(idle)") },
        { id: 4, callFrame: frame("computeSecret") },
        { id: 5, callFrame: frame("write", "file:///x/node_modules/ioredis/built/Redis.js", 9) },
      ],
      // at 1100 (outside), then 1200, 1300, 1400, 1500 (inside 1150-1550), 1600 (outside)
      samples: [4, 4, 4, 5, 3, 4],
      timeDeltas: [100, 100, 100, 100, 100, 100],
    };
    const summary = summariseProfile(profile, { fromUs: 1150, toUs: 1550 });
    expect(summary.samples).to.equal(4);
    expect(summary.idle).to.equal(1);
    expect(summary.areas.map((a) => [a.area.split(":")[0], a.samples])).to.deep.equal([["crypto", 2], ["ioredis", 1]]);
    expect(summary.functions).to.deep.equal([{ name: "computeSecret", samples: 2 }, { name: "write ioredis/built/Redis.js:10", samples: 1 }]);
    const lines = formatSummary(summary, 5);
    expect(lines.some((line) => /66\.7 %\s+crypto/.test(line))).to.equal(true);
  });

  it("lists the call paths above a function's samples", () => {
    const profile: CpuProfile = {
      startTime: 0, endTime: 300,
      nodes: [
        { id: 1, callFrame: frame("(root)"), children: [2, 3] },
        { id: 2, callFrame: frame("encode", "file:///x/dist/gen/a.js", 0), children: [4] },
        { id: 3, callFrame: frame("send", "file:///x/node_modules/@grpc/grpc-js/build/src/b.js", 0), children: [5] },
        { id: 4, callFrame: frame("writeUtf8String") },
        { id: 5, callFrame: frame("writeUtf8String") },
      ],
      samples: [4, 5, 5], timeDeltas: [100, 100, 100],
    };
    expect(callersOf(profile, "writeUtf8String", 1)).to.deep.equal([
      { path: "send @grpc/grpc-js/build/src/b.js:1", samples: 2 },
      { path: "encode dist/gen/a.js:1", samples: 1 },
    ]);
  });
});
