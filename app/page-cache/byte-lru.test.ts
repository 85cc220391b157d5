import { describe, expect, it } from "vitest";
import { ByteLru } from "./byte-lru";

describe("ByteLru", () => {
  it("drops the least recently used values once their bytes pass the budget", () => {
    const lru = new ByteLru<string>(100);
    lru.set("a", "A", 40);
    lru.set("b", "B", 40);
    expect(lru.get("a")).toBe("A"); // a is now the most recent
    lru.set("c", "C", 40);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe("A");
    expect(lru.get("c")).toBe("C");
    expect(lru.bytes).toBe(80);
    expect(lru.size).toBe(2);
  });

  it("replaces a key's value and counts only its new size", () => {
    const lru = new ByteLru<string>(100);
    lru.set("a", "old", 90);
    lru.set("a", "new", 10);
    expect(lru.get("a")).toBe("new");
    expect(lru.bytes).toBe(10);
  });

  it("never keeps a value larger than the whole budget, and forgets the key's old value", () => {
    const lru = new ByteLru<string>(100);
    lru.set("a", "small", 10);
    lru.set("a", "huge", 101);
    expect(lru.get("a")).toBeUndefined();
    expect(lru.bytes).toBe(0);
  });

  it("evicts several old values to make room for one large one", () => {
    const lru = new ByteLru<string>(100);
    for (const key of ["a", "b", "c", "d"]) lru.set(key, key, 25);
    lru.set("e", "e", 70);
    expect([..."abcde"].filter((key) => lru.get(key) !== undefined)).toEqual(["d", "e"]);
    expect(lru.bytes).toBe(95);
  });
});
