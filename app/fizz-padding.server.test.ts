import { PassThrough } from "node:stream";
import { text } from "node:stream/consumers";
import { createElement, Suspense } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { dropFizzPadding } from "./fizz-padding.server";

function render(words: string[], transform: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const tree = createElement(Suspense, null, ...words.map((w, i) => createElement("p", { key: i }, w)));
    const { pipe } = renderToPipeableStream(tree, {
      onAllReady() {
        const out = new PassThrough();
        text(transform ? out.pipe(dropFizzPadding()) : out).then(resolve, reject);
        pipe(out);
      },
      onShellError: reject,
    });
  });
}

// Many short Vietnamese strings, shifted one ASCII byte at a time, so some 3-byte "ờ" straddles a 2 KB view.
const pages = Array.from({ length: 8 }, (_, shift) => ["x".repeat(shift), ...Array.from({ length: 200 }, () => "Mỗi dòng một đường dẫn")]);

describe("dropFizzPadding", () => {
  it("React 18 alone pads 2 KB views with NUL bytes when a Vietnamese character straddles one", async () => {
    const outputs = await Promise.all(pages.map((words) => render(words, false)));
    expect(outputs.some((html) => html.includes("\0"))).toBe(true);
  });

  it("leaves no NUL byte and loses no character", async () => {
    for (const words of pages) {
      const html = await render(words, true);
      expect(html).not.toContain("\0");
      expect(html.match(/đường/g)?.length).toBe(200);
    }
  });
});
