import { Transform } from "node:stream";

/** React 18's server renderer encodes HTML into views of this many bytes. */
const VIEW_SIZE = 2048;

/**
 * React 18.3's `renderToPipeableStream` (Fizz) encodes text into 2,048-byte views and, when a
 * multi-byte character does not fit at the end of one, flushes the whole view anyway: the 1–3 unused
 * bytes go out as NUL (`writeStringChunk` writes `currentView`, not its written part; reported as
 * facebook/react#27554 and #31134, not fixed in the 18.x line). Vietnamese pages are
 * full of 2- and 3-byte characters, so a message such as "đường" reached the page as "đư\0ờng".
 * Those padded views are the only chunks of exactly VIEW_SIZE bytes that end in zeros; this drops
 * the padding (never more than 3 bytes) and passes every other chunk through untouched.
 */
export function dropFizzPadding(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (chunk.length !== VIEW_SIZE || chunk[VIEW_SIZE - 1] !== 0) return callback(null, chunk);
      let end = VIEW_SIZE;
      while (end > VIEW_SIZE - 3 && chunk[end - 1] === 0) end--;
      callback(null, chunk.subarray(0, end));
    },
  });
}
