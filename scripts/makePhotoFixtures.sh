#!/bin/bash
# Writes the photo fixtures of the photo placement tests (test/fixtures/photos): the sample site's own
# photo with capture times written by exiftool (Debian's libimage-exiftool-perl), as a camera writes them.
# Run from the repository root: bash scripts/makePhotoFixtures.sh
set -euo pipefail
out=test/fixtures/photos
base=sample-site/static/images/2017/05/kolla-room.jpg
command -v exiftool >/dev/null || { echo "exiftool is not installed (apt-get install libimage-exiftool-perl)" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out"
write() { # file, exiftool arguments...
	local file=$1; shift
	exiftool -q -overwrite_original "$@" "$file"
}
# A phone that records its zone (OffsetTimeOriginal), during the first session.
cp "$base" "$out/IMG_0001.jpg" && write "$out/IMG_0001.jpg" -DateTimeOriginal="2017:05:09 14:19:49" -OffsetTimeOriginal="-04:00"
# A camera without zone, rotated (Orientation 6: 90° clockwise), during the second session.
cp "$base" "$out/DSC_0042.jpg" && write "$out/DSC_0042.jpg" -DateTimeOriginal="2017:05:09 15:05:00" -Orientation#=6
# A camera without zone, earlier in the first session.
cp "$base" "$out/DSC_0040.jpg" && write "$out/DSC_0040.jpg" -DateTimeOriginal="2017:05:09 14:05:30"
# No EXIF at all: the time is in the name, as a phone names it (no year).
cp "$base" "$out/Photo-May-09--2-25-00-PM.jpg" && exiftool -q -overwrite_original -all= "$out/Photo-May-09--2-25-00-PM.jpg"
# Taken in the break between the sessions: in no slot.
cp "$base" "$out/IMG_0002.jpg" && write "$out/IMG_0002.jpg" -DateTimeOriginal="2017:05:09 14:45:00" -OffsetTimeOriginal="-04:00"
# Damaged EXIF: the TIFF header's byte order mark overwritten.
cp "$out/IMG_0001.jpg" "$out/IMG_0003-damaged.jpg"
node -e '
const fs = require("fs"); const file = process.argv[1]; const bytes = fs.readFileSync(file);
const at = bytes.indexOf(Buffer.from("Exif\0\0")); bytes[at + 6] = 0x58; bytes[at + 7] = 0x58; fs.writeFileSync(file, bytes);' "$out/IMG_0003-damaged.jpg"
# A PNG screenshot with its EXIF in an eXIf chunk, during the second session.
node -e '
const zlib = require("zlib"); const fs = require("fs");
const crc = buf => { let c, t = []; for (let n = 0; n < 256; n++) { c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; t[n] = c >>> 0; }
  let x = 0xffffffff; for (const b of buf) x = t[(x ^ b) & 0xff] ^ (x >>> 8); return (x ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => { const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4); c.writeUInt32BE(crc(td)); return Buffer.concat([len, td, c]); };
const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(2, 0); ihdr.writeUInt32BE(2, 4); ihdr[8] = 8; ihdr[9] = 2;
const raw = Buffer.from([0, 255, 0, 0, 255, 0, 0, 0, 0, 0, 255, 0, 0, 255, 0]);
fs.writeFileSync(process.argv[1], Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]));' "$out/slide.png"
write "$out/slide.png" -DateTimeOriginal="2017:05:09 15:10:00" -OffsetTimeOriginal="-04:00"
# The start of a HEIC file (its ftyp box), which the reader must refuse with a message.
printf '\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic' > "$out/IMG_0004.heic"
ls -la "$out"
