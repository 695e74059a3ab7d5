// What counts as text, written once for the client's checks and the sandbox's (decision 0005):
// lengths are Unicode code points, as the contract says; a text made only of spaces, control or
// invisible format characters (a NUL, a zero-width space) is empty; a lone UTF-16 surrogate (half of
// an emoji cut by a substring) is broken text, refused rather than silently replaced.

/** Length in Unicode code points (an emoji counts 1), the unit of every limit in the contract. */
export function textLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point: skip the low half.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    length++;
  }
  return length;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** False when the text holds half of a surrogate pair (cannot be encoded as UTF-8). */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

const BLANK = /^[\s\p{Cc}\p{Cf}]*$/u;

/** True when nothing in the text is visible: only whitespace, control and format characters. */
export function isBlankText(text: string): boolean {
  return BLANK.test(text);
}

/** Bytes of the text in UTF-8 (a lone surrogate counts as the 3 bytes of its replacement). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
