import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256Hex, sha256HexBytes } from "../../shared/hash";

describe("sha256Hex", () => {
  it("matches the FIPS 180-2 test vectors", async () => {
    expect(await sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(await sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });

  it("hashes the UTF-8 bytes of non-ASCII text, as Node's own hash does", async () => {
    const text = "قالَ الرئيسُ 👨‍👩‍👧 e\u0301 北京\n";
    expect(await sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
  });
});

describe("sha256HexBytes", () => {
  it("hashes bytes, including a view into a larger buffer", async () => {
    const buffer = new TextEncoder().encode("xxabcxx");
    expect(await sha256HexBytes(buffer.subarray(2, 5))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(await sha256HexBytes(new Uint8Array([0xff, 0x00]))).toBe(createHash("sha256").update(Buffer.from([0xff, 0x00])).digest("hex"));
  });
});
