import { createReadStream } from 'node:fs';
import { copyFile, cp, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { MediaStorage } from '../../application/media/media-storage.js';

/** Media on the local disk under one root folder (DATA_DIR/media by default). */
export class LocalMediaStorage extends MediaStorage {
  private readonly root: string;

  constructor(root: string) {
    super();
    this.root = resolve(root);
  }

  /** The file of a key; a key escaping the root (`..`, absolute) is refused, never resolved. */
  pathOf(key: string): string {
    const path = resolve(this.root, key);
    if (!key || key.includes('\0') || (path !== this.root && !path.startsWith(this.root + sep)))
      throw new Error(`Invalid storage key: ${key}`);
    return path;
  }

  async putFile(key: string, localPath: string, options: { move?: boolean } = {}): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    // Written beside the target and renamed: a reader never sees a half-copied file.
    const partial = `${target}.partial-${process.pid}-${Date.now()}`;
    if (options.move) {
      try {
        await rename(localPath, target);
        return;
      } catch {
        // Another file system: copy below.
      }
    }
    await copyFile(localPath, partial);
    await rename(partial, target);
    if (options.move) await rm(localPath, { force: true });
  }

  async putDirectory(prefix: string, localDir: string): Promise<number> {
    const target = this.pathOf(prefix);
    await mkdir(dirname(target), { recursive: true });
    const partial = `${target}.partial-${process.pid}-${Date.now()}`;
    await cp(localDir, partial, { recursive: true });
    await rm(target, { recursive: true, force: true });
    await rename(partial, target);
    return (await this.list(prefix)).length;
  }

  async read(key: string) {
    try {
      const path = this.pathOf(key);
      const info = await stat(path);
      if (!info.isFile()) return null;
      return { stream: createReadStream(path), size: info.size };
    } catch {
      return null;
    }
  }

  async readBuffer(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch {
      return null;
    }
  }

  async localPath(key: string): Promise<string> {
    return this.pathOf(key);
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch {
      return false;
    }
  }

  async list(prefix: string): Promise<string[]> {
    const base = this.pathOf(prefix);
    try {
      const entries = await readdir(base, { recursive: true, withFileTypes: true });
      return entries
        .filter((entry) => entry.isFile())
        .map((entry) => relative(this.root, join(entry.parentPath, entry.name)).split(sep).join('/'))
        .sort();
    } catch {
      return [];
    }
  }

  async deletePrefix(prefix: string): Promise<void> {
    await rm(this.pathOf(prefix), { recursive: true, force: true });
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
