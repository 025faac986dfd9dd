/**
 * Zip bombs for tests and benchmarks: small archives that decompress to far more than any limit allows. Built
 * with Node's native zlib (fast even on a loaded machine) in a zip container written here, so the decompressed
 * content is never held in memory at once.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** A zip archive of `entries` files of `megabytes` MB of zeros each (256 MB deflate to about 250 KB). */
export function zipBomb(megabytes: number, entries = 1): Uint8Array {
  const size = megabytes * 1024 * 1024;
  const data = deflateRawSync(Buffer.alloc(size), { level: 9 });
  let crc = 0;
  const mb = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < megabytes; i += 1) crc = crc32(mb, crc);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (let e = 0; e < entries; e += 1) {
    const name = Buffer.from(`zeros-${e}.txt`);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6); // version needed
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries, 8);
  end.writeUInt16LE(entries, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
