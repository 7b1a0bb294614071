import { expect } from "chai";
import { ShortCache } from "../../../src/flows/short-cache.js";

describe("ShortCache: store reads kept a short time per process", () => {
  const counting = () => {
    let loads = 0;
    return { load: (value: string) => async () => `${value}#${++loads}`, loads: () => loads };
  };

  it("answers from memory within its time, and loads again once the time is over", async () => {
    const source = counting();
    const kept = new ShortCache<string>(60_000);
    expect(await kept.get("a", source.load("a"))).to.equal("a#1");
    expect(await kept.get("a", source.load("a"))).to.equal("a#1");
    const expired = new ShortCache<string>(0);
    await expired.get("a", source.load("a"));
    expect(await expired.get("a", source.load("a"))).to.equal("a#3");
    expect(source.loads()).to.equal(3);
  });

  it("does not keep what `keep` refuses (a failed lookup is asked again)", async () => {
    const source = counting();
    const cache = new ShortCache<string>(60_000);
    await cache.get("x", source.load("missing"), () => false);
    expect(await cache.get("x", source.load("missing"), () => false)).to.equal("missing#2");
  });

  it("holds at most its capacity, dropping the oldest, and forgets on delete and clear", async () => {
    const source = counting();
    const cache = new ShortCache<string>(60_000, 2);
    for (const key of ["a", "b", "c"]) await cache.get(key, source.load(key));
    expect(await cache.get("a", source.load("a")), "the oldest went").to.equal("a#4");
    expect(await cache.get("c", source.load("c"))).to.equal("c#3");
    cache.delete("c");
    expect(await cache.get("c", source.load("c"))).to.equal("c#5");
    cache.clear();
    expect(await cache.get("a", source.load("a"))).to.equal("a#6");
  });
});
