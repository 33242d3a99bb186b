import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describeMediaStoreContract } from '../testing/media-store.contract';
import { createFileSystemMediaStore } from './file-system-media-store';

/** Every file under `directory`, at any depth. */
const filesUnder = async (directory: string): Promise<string[]> => {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
};

/** The bytes of every file under `directory`. */
const bytesUnder = async (directory: string): Promise<number> => {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  const sizes = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => (await stat(path.join(entry.parentPath, entry.name))).size),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
};

describeMediaStoreContract('file system', async (maxBytes) => {
  const directory = await mkdtemp(path.join(tmpdir(), 'parley-media-'));
  const store = await createFileSystemMediaStore({ directory, maxBytes });
  return {
    store,
    storedObjects: async () => (await filesUnder(directory)).length,
    storedBytes: () => bytesUnder(directory),
    dispose: async () => {
      await store.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
});

describe('file-system media store on disk', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'parley-media-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('finds its files again after a restart, and deletes what a crash left half-written', async () => {
    const mediaId = randomUUID();
    const first = await createFileSystemMediaStore({ directory, maxBytes: 1_000_000 });
    await first.put(
      {
        mediaId,
        workspaceId: 'w1',
        conversationId: 'w1:c1',
        kind: 'voice',
        declaredContentType: 'audio/ogg',
        fileName: 'voice.ogg',
        createdAt: '2026-12-01T10:00:00.000Z',
      },
      Readable.from([Buffer.from('OggS-not-really')]),
    );
    await first.close();
    await mkdir(path.join(directory, 'incoming'), { recursive: true });
    await writeFile(path.join(directory, 'incoming', `${randomUUID()}.abc`), 'half a file');

    const second = await createFileSystemMediaStore({ directory, maxBytes: 1_000_000 });

    expect((await second.stat('w1', mediaId))?.fileName).toBe('voice.ogg');
    expect(await readdir(path.join(directory, 'incoming'))).toEqual([]);
    expect((await filesUnder(directory)).sort()).toEqual([mediaId, `${mediaId}.json`]);
  });
});
