import { expect } from "chai";
import { createHash } from "node:crypto";
import { canonicalRequest, headerValues, signature, verifySignature, type AccessKey } from "../../../src/aws-json/sigv4.js";

// The "get-vanilla" case of AWS's published SigV4 test suite (aws-sig-v4-test-suite): its canonical
// request, and the signature of its string to sign with the suite's example key.
const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const VANILLA = { method: "GET", url: "/", rawHeaders: ["Host", "example.amazonaws.com", "X-Amz-Date", "20150830T123600Z"], body: Buffer.alloc(0) };
const VANILLA_SIGNATURE = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";

describe("aws-json sigv4", () => {
  it("builds the test suite's canonical request and signature (get-vanilla)", () => {
    const creq = canonicalRequest(VANILLA, headerValues(VANILLA.rawHeaders), ["host", "x-amz-date"]);
    expect(creq).to.equal("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    const hash = (text: string) => createHash("sha256").update(text).digest("hex");
    const stringToSign = ["AWS4-HMAC-SHA256", "20150830T123600Z", "20150830/us-east-1/service/aws4_request", hash(creq)].join("\n");
    expect(signature(SECRET, "20150830", "us-east-1", "service", stringToSign)).to.equal(VANILLA_SIGNATURE);
  });

  const key: AccessKey = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: SECRET, pools: "*" };
  const signed = (sig: string) => ({
    ...VANILLA,
    rawHeaders: [...VANILLA.rawHeaders, "Authorization", `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=${sig}`],
  });
  const at = (nowMs: number) => ({ region: "us-east-1", service: "service", nowMs, mustSign: [] });
  const now = Date.UTC(2015, 7, 30, 12, 36, 0);

  it("verifies the vanilla request within 15 minutes and names the key", () => {
    expect(verifySignature(signed(VANILLA_SIGNATURE), [key], at(now))).to.equal(key);
    expect(verifySignature(signed(VANILLA_SIGNATURE), [key], at(now + 15 * 60_000))).to.equal(key);
  });

  it("refuses one changed hex digit, a changed header value, other keys and times outside the window", () => {
    const flipped = VANILLA_SIGNATURE.replace(/^5/, "6");
    expect(verifySignature(signed(flipped), [key], at(now))).to.include({ type: "InvalidSignatureException" });
    const moved = signed(VANILLA_SIGNATURE);
    expect(verifySignature({ ...moved, rawHeaders: moved.rawHeaders.map((h) => (h === "example.amazonaws.com" ? "evil.example.com" : h)) }, [key], at(now))).to.include({ type: "InvalidSignatureException" });
    expect(verifySignature(signed(VANILLA_SIGNATURE), [{ ...key, accessKeyId: "AKIDOTHER" }], at(now))).to.include({ type: "UnrecognizedClientException" });
    expect(verifySignature(signed(VANILLA_SIGNATURE), [key], at(now + 15 * 60_000 + 1000))).to.include({ type: "InvalidSignatureException" });
    expect(verifySignature(signed(VANILLA_SIGNATURE), [key], at(now - 15 * 60_000 - 1000))).to.include({ type: "InvalidSignatureException" });
    expect(verifySignature(VANILLA, [key], at(now))).to.include({ type: "MissingAuthenticationTokenException" });
  });
});
