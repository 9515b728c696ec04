import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { publishAtomically, recoverInterrupted } from '../../src/publish/atomic.js';

/** A pid no process has: counting down from above Linux's largest pid_max. */
function deadPid(): number {
  for (let pid = 4_194_304; pid > 1; pid--) {
    try {
      process.kill(pid, 0);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
  throw new Error('no free pid found');
}

const DEAD = String(deadPid());
const LIVE = String(process.pid);

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-atomic-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Folders next to the output, each holding one page that says which site it is. */
function lay(folders: Record<string, string>): void {
  for (const [name, site] of Object.entries(folders)) {
    mkdirSync(path.join(root, name));
    writeFileSync(path.join(root, name, 'index.html'), site);
  }
}

/** Every folder in root → the site its page says it is. */
function folders(): Record<string, string> {
  return Object.fromEntries(readdirSync(root).sort().map((name) => [name, readFileSync(path.join(root, name, 'index.html'), 'utf8')]));
}

/** What a spare Broadsheet made carries (see keepAsSpare). */
const markSpare = () => writeFileSync(path.join(root, 'site.spare', '.broadsheet-spare'), '');

const withPids = (folders: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(folders).map(([name, site]) => [name.replace('DEAD', DEAD).replace('LIVE', LIVE), site]));

interface Case {
  name: string;
  before: Record<string, string>;
  after: Record<string, string>;
}

describe('recoverInterrupted', () => {
  test.each<Case>([
    {
      name: 'removes what a killed build left and keeps the site',
      before: { site: 'current', 'site.building-DEAD-0a1b2c3d': 'half', 'site.old-DEAD-4e5f6a7b': 'previous' },
      after: { site: 'current' },
    },
    {
      name: 'leaves the folders of a running build alone',
      before: { site: 'current', 'site.building-LIVE-0a1b2c3d': 'half', 'site.old-LIVE-4e5f6a7b': 'previous' },
      after: { site: 'current', 'site.building-LIVE-0a1b2c3d': 'half', 'site.old-LIVE-4e5f6a7b': 'previous' },
    },
    {
      name: 'puts the previous site back after a kill between the two renames',
      before: { 'site.building-DEAD-0a1b2c3d': 'new', 'site.old-DEAD-0a1b2c3d': 'previous' },
      after: { site: 'previous' },
    },
    {
      name: 'does not take the previous site from a build that is still running',
      before: { 'site.building-LIVE-0a1b2c3d': 'new', 'site.old-LIVE-0a1b2c3d': 'previous' },
      after: { 'site.building-LIVE-0a1b2c3d': 'new', 'site.old-LIVE-0a1b2c3d': 'previous' },
    },
    {
      name: 'never puts a staging folder in place',
      before: { 'site.building-DEAD-0a1b2c3d': 'half' },
      after: {},
    },
    {
      name: 'leaves folders that only look alike',
      before: {
        site: 'current',
        'site.backup': 'backup',
        'site.old-DEAD': 'no suffix',
        'site.old-DEAD-notahex': 'not hex',
        'site2.old-DEAD-0a1b2c3d': 'another output',
        'site.old-DEAD-0a1b2c3d.keep': 'renamed by hand',
      },
      after: {
        site: 'current',
        'site.backup': 'backup',
        'site.old-DEAD': 'no suffix',
        'site.old-DEAD-notahex': 'not hex',
        'site2.old-DEAD-0a1b2c3d': 'another output',
        'site.old-DEAD-0a1b2c3d.keep': 'renamed by hand',
      },
    },
  ])('$name', async ({ before, after }) => {
    lay(withPids(before));
    await recoverInterrupted(path.join(root, 'site'));
    expect(folders()).toEqual(withPids(after));
  });

  test('of several retired sites of dead builds, puts back the newest', async () => {
    lay(withPids({ 'site.old-DEAD-00000001': 'older', 'site.old-DEAD-00000002': 'newest', 'site.old-DEAD-00000003': 'oldest' }));
    const seconds = { '00000001': 2_000_000, '00000002': 3_000_000, '00000003': 1_000_000 };
    for (const [hex, time] of Object.entries(seconds)) utimesSync(path.join(root, `site.old-${DEAD}-${hex}`), time, time);
    await recoverInterrupted(path.join(root, 'site'));
    expect(folders()).toEqual({ site: 'newest' });
  });
});

describe('publishAtomically', () => {
  test('recovers from a killed build before it builds', async () => {
    lay(withPids({ 'site.building-DEAD-0a1b2c3d': 'half', 'site.old-DEAD-0a1b2c3d': 'previous' }));
    const { seen, staging } = await publishAtomically(path.join(root, 'site'), async (staging) => {
      writeFileSync(path.join(staging, 'index.html'), 'new');
      return { seen: folders(), staging: path.basename(staging) };
    });
    // While the new site was written, the previous one was back in place and
    // the only other folder was the new staging folder.
    expect(seen).toEqual({ site: 'previous', [staging]: 'new' });
    // The site it replaced is kept as the spare.
    expect(folders()).toEqual({ site: 'new', 'site.spare': 'previous' });
  });

  test('with recycle, the next build fills the spare, and the site it replaces becomes the spare', async () => {
    lay({ site: 'second', 'site.spare': 'first' });
    markSpare();
    const seen = await publishAtomically(
      path.join(root, 'site'),
      async (staging, recycled) => {
        const found = { recycled, page: readFileSync(path.join(staging, 'index.html'), 'utf8'), folders: readdirSync(root).sort() };
        writeFileSync(path.join(staging, 'index.html'), 'third');
        return found;
      },
      { recycle: true },
    );
    expect(seen).toMatchObject({ recycled: true, page: 'first' });
    // Claimed: no spare beside the staging folder while it was filled.
    expect(seen.folders).toEqual(['site', expect.stringMatching(/^site\.building-/)]);
    expect(folders()).toEqual({ site: 'third', 'site.spare': 'second' });
  });

  test('without recycle, a fresh folder is filled and the old spare is replaced', async () => {
    lay({ site: 'second', 'site.spare': 'first' });
    markSpare();
    const recycled = await publishAtomically(path.join(root, 'site'), async (staging, recycled) => {
      expect(readdirSync(staging)).toEqual([]);
      writeFileSync(path.join(staging, 'index.html'), 'third');
      return recycled;
    });
    expect(recycled).toBe(false);
    expect(folders()).toEqual({ site: 'third', 'site.spare': 'second' });
  });

  test('a folder named like the spare that Broadsheet did not make is neither filled nor removed', async () => {
    lay({ site: 'second', 'site.spare': 'mine' });
    const recycled = await publishAtomically(
      path.join(root, 'site'),
      async (staging, recycled) => {
        writeFileSync(path.join(staging, 'index.html'), 'third');
        return recycled;
      },
      { recycle: true },
    );
    expect(recycled).toBe(false);
    expect(folders()).toEqual({ site: 'third', 'site.spare': 'mine' });
    expect(readdirSync(path.join(root, 'site.spare'))).toEqual(['index.html']);
  });

  test('a failed build into the spare leaves the site as it was, and no spare', async () => {
    lay({ site: 'second', 'site.spare': 'first' });
    markSpare();
    const failed = publishAtomically(
      path.join(root, 'site'),
      async (staging) => {
        writeFileSync(path.join(staging, 'index.html'), 'half');
        throw new Error('template error');
      },
      { recycle: true },
    );
    await expect(failed).rejects.toThrow('template error');
    expect(folders()).toEqual({ site: 'second' });
  });
});
