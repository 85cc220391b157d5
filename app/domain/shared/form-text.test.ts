import { describe, expect, it } from "vitest";
import { cleanFormText, withoutControlCharacters } from "./form-text";

describe("withoutControlCharacters", () => {
  it("drops NUL, BEL, escape, DEL and C1 controls, keeping tabs, line breaks and all Vietnamese text", () => {
    expect(withoutControlCharacters("Gạo\u0000 ST25\u0007\u001b[31m\u007f\u0085")).toBe("Gạo ST25[31m");
    expect(withoutControlCharacters("Dòng một\r\nDòng hai\tcột")).toBe("Dòng một\r\nDòng hai\tcột");
    expect(withoutControlCharacters("Nước mắm 😀 \u202eRTL A\u0301")).toBe("Nước mắm 😀 \u202eRTL A\u0301");
  });
});

describe("cleanFormText", () => {
  it("cleans every text value, repeated ones included, and keeps passwords and files as sent", async () => {
    const form = new FormData();
    form.append("name", "Bánh\u0000 pía");
    form.append("name", "\u0000\u0000");
    form.append("password", "mật\u0000khẩu");
    form.append("photo", new Blob([new Uint8Array([0, 1, 2])]), "a.jpg");
    const clean = cleanFormText(form);
    expect(clean.getAll("name")).toEqual(["Bánh pía", ""]);
    expect(clean.get("password")).toBe("mật\u0000khẩu");
    const photo = clean.get("photo") as File;
    expect(photo.name).toBe("a.jpg");
    expect([...new Uint8Array(await photo.arrayBuffer())]).toEqual([0, 1, 2]);
  });
});
