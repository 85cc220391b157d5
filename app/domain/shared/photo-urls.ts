/**
 * Cards show photos at about 160–280 CSS pixels; the stored photos are up to 1280 px. Each public
 * WebP photo also has a small copy, `<name>.w400.webp`, made on first request (see
 * `readPublicPhoto`): 400 px covers a phone's two-column grid at 2× density, so phones fetch a
 * quarter of the bytes and larger screens still get the full photo through `srcset`.
 */
export const THUMB_WIDTH = 400;

const STORED_WEBP = /^(products|producers)\/([a-f0-9]{8,64})\.webp$/;
export const THUMB_NAME = /^(products|producers)\/([a-f0-9]{8,64})\.w400\.webp$/;

export function photoUrl(file: string): string {
  return `/media/${file}`;
}

/** The stored name of a photo's small copy, or null when the photo has none (not a public WebP). */
export function thumbName(file: string): string | null {
  const m = STORED_WEBP.exec(file);
  return m ? `${m[1]}/${m[2]}.w${THUMB_WIDTH}.webp` : null;
}

/** The photo a thumbnail was made from. */
export function originalOfThumb(name: string): string | null {
  const m = THUMB_NAME.exec(name);
  return m ? `${m[1]}/${m[2]}.webp` : null;
}

/**
 * `src` and `srcSet` for a photo shown small: the small copy first, the full photo for wide or dense
 * screens. A photo no wider than the small copy is sent as it is.
 */
export function responsivePhoto(file: string, width: number | null | undefined): { src: string; srcSet?: string } {
  const thumb = thumbName(file);
  if (!thumb || !width || width <= THUMB_WIDTH) return { src: photoUrl(file) };
  return { src: photoUrl(thumb), srcSet: `${photoUrl(thumb)} ${THUMB_WIDTH}w, ${photoUrl(file)} ${width}w` };
}
