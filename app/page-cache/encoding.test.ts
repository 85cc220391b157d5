import { describe, expect, it } from "vitest";
import { chooseEncoding } from "./encoding";

describe("chooseEncoding", () => {
  it("prefers brotli, then gzip, as browsers offer them", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseEncoding("gzip, deflate")).toBe("gzip");
    expect(chooseEncoding("GZIP")).toBe("gzip");
  });

  it("sends plain bytes to a client that asks for no encoding or refuses both", () => {
    expect(chooseEncoding(undefined)).toBe("identity");
    expect(chooseEncoding("")).toBe("identity");
    expect(chooseEncoding("deflate")).toBe("identity");
    expect(chooseEncoding("br;q=0, gzip;q=0")).toBe("identity");
  });

  it("honours q=0 and a wildcard", () => {
    expect(chooseEncoding("br;q=0, gzip")).toBe("gzip");
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding("*, br;q=0")).toBe("gzip");
  });
});
