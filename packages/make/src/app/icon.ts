// The app's icon, drawn here so that it is the same bytes every time: Make asks for a 512×512 PNG.
// A white "C" ring on the brand's indigo, with a dot for the label it finds.
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const BACKGROUND = [0x4f, 0x46, 0xe5];
const FOREGROUND = [0xff, 0xff, 0xff];

/** Whether the pixel at (x, y) is white: the ring (open on the right) or the centre dot. */
function white(x: number, y: number): boolean {
  const [dx, dy] = [x + 0.5 - SIZE / 2, y + 0.5 - SIZE / 2];
  const r = Math.hypot(dx, dy);
  const open = dx > 0 && Math.abs(dy) < dx * 0.75;
  return (r >= 120 && r <= 176 && !open) || r <= 44;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) =>
  (bytes.reduce((c, b) => CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0;

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The icon as PNG bytes: 8-bit RGB, each row with filter 0. */
export function iconPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc(SIZE * (1 + SIZE * 3));
  for (let y = 0; y < SIZE; y++)
    for (let x = 0; x < SIZE; x++)
      rows.set(white(x, y) ? FOREGROUND : BACKGROUND, y * (1 + SIZE * 3) + 1 + x * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
