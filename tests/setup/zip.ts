import { constants, deflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  data: Buffer;
  method?: 0 | 8;
  /** What the central directory and the local header claim the entry unpacks to. */
  centralSize: number;
  localSize?: number;
  descriptor?: boolean;
}

/** A ZIP written by hand, so each header can say what a hostile file would have it say. */
export function zip(entries: ZipEntry[], { hidden }: { hidden?: Buffer } = {}): Uint8Array {
  const locals: Buffer[] = hidden ? [hidden] : [];
  const centrals: Buffer[] = [];
  let offset = hidden?.length ?? 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const method = entry.method ?? 8;
    const flags = entry.descriptor ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0, 14);
    local.writeUInt32LE(entry.descriptor ? 0 : entry.data.length, 18);
    local.writeUInt32LE(entry.descriptor ? 0 : (entry.localSize ?? entry.centralSize), 22);
    local.writeUInt16LE(name.length, 26);
    const descriptor = Buffer.alloc(entry.descriptor ? 16 : 0);
    if (entry.descriptor) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(entry.data.length, 8);
      descriptor.writeUInt32LE(entry.centralSize, 12);
    }
    locals.push(local, name, entry.data, descriptor);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.centralSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + entry.data.length + descriptor.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/**
 * Raw deflate data that unpacks to `megabytes` MB of zeros, about 1 KB per MB: one compressed
 * megabyte repeated (each copy ends on a sync flush, so copies chain), then an empty final block.
 */
export function zeroBomb(megabytes: number): Buffer {
  const oneMegabyte = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: megabytes }, () => oneMegabyte), Buffer.from([0x03, 0x00])]);
}
