import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { deployToS3 } from '../../src/deploy/deploy-s3.js';
import { parseHeadersFile } from '../../src/deploy/headers-file.js';
import { sharedSample } from '../helpers/shared-sample.js';
import { startFakeS3, type FakeS3 } from '../helpers/s3-server.js';
import { filesBelow } from '../../src/util/files-below.js';

const BUCKET = 'courier-site';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const CREDENTIALS = { AWS_ACCESS_KEY_ID: 'test-key', AWS_SECRET_ACCESS_KEY: 'test-secret' };

let store: FakeS3;
let root: string;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  store = await startFakeS3(BUCKET);
  root = mkdtempSync(path.join(tmpdir(), 'broadsheet-deploy-'));
  for (const [name, value] of Object.entries(CREDENTIALS)) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
});
afterAll(async () => {
  await store.close();
  rmSync(root, { recursive: true, force: true });
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});
beforeEach(() => {
  store.objects.clear();
  store.requests.length = 0;
  store.failPuts.clear();
});

const siteFiles = (dir: string) => filesBelow(dir).map(({ file }) => file).sort();
const deploy = (outDir: string, target = `s3://${BUCKET}`, dryRun = false) => {
  const lines: string[] = [];
  const result = deployToS3({ target, outDir, endpoint: store.endpoint, region: 'us-east-1', dryRun, say: (line) => lines.push(line) });
  return result.then((report) => ({ report, lines }));
};
const puts = () => store.requests.filter((r) => r.action === 'put').map((r) => r.key);

describe('broadsheet deploy s3://… against an S3-compatible store', () => {
  test('a dry run prints the plan and changes nothing', async () => {
    const { siteDir } = sharedSample();
    const { lines, report } = await deploy(siteDir, `s3://${BUCKET}`, true);
    expect(store.objects.size).toBe(0);
    expect(puts()).toEqual([]);
    expect(lines.filter((line) => line.startsWith('  upload '))).toHaveLength(siteFiles(siteDir).length);
    expect(lines).toContain('  upload index.html (new; text/html; charset=utf-8; Cache-Control: public, max-age=0, must-revalidate)');
    expect(lines.at(-1)).toBe(`dry run: ${report.plan.uploads.length} to upload, 0 unchanged, 0 to delete in s3://${BUCKET}/; nothing was changed`);
    expect(lines[0]).toMatch(/^ {2}the CDN must add these headers of _headers \(an object cannot carry them\): content-security-policy, referrer-policy, x-content-type-options, x-frame-options$/);
  });

  test('the first deploy uploads every file with the Cache-Control _headers gives it, assets before pages, _headers last', async () => {
    const { siteDir } = sharedSample();
    await deploy(siteDir);
    expect([...store.objects.keys()].sort()).toEqual(siteFiles(siteDir));
    for (const file of siteFiles(siteDir)) expect(store.objects.get(file)?.body.equals(readFileSync(path.join(siteDir, file))), file).toBe(true);
    // The hashed assets and the encoded images are kept for a year; pages are asked for again every time.
    const immutable = parseHeadersFile(readFileSync(path.join(siteDir, '_headers'), 'utf8'))
      .rules.filter((rule) => rule.actions.some((a) => 'value' in a && a.value === IMMUTABLE))
      .map((rule) => rule.pattern);
    expect(immutable.length).toBeGreaterThan(2);
    const css = siteFiles(siteDir).find((file) => /^css\/site\.[0-9a-f]+\.css$/.test(file)) ?? '';
    expect(store.objects.get(css)).toMatchObject({ cacheControl: IMMUTABLE, contentType: 'text/css; charset=utf-8' });
    const image = siteFiles(siteDir).find((file) => file.startsWith('img/') && file.endsWith('.avif')) ?? '';
    expect(store.objects.get(image)).toMatchObject({ cacheControl: IMMUTABLE, contentType: 'image/avif' });
    expect(store.objects.get('index.html')).toMatchObject({ cacheControl: 'public, max-age=0, must-revalidate', contentType: 'text/html; charset=utf-8' });
    expect(store.objects.get('feed.xml')?.cacheControl).toBe('public, max-age=0, must-revalidate');
    const order = puts();
    const lastAsset = Math.max(...order.map((key, i) => (/\.(html|xml|json|txt)$/.test(key) || key.startsWith('_') ? -1 : i)));
    const firstPage = order.findIndex((key) => key.endsWith('.html'));
    expect(lastAsset).toBeLessThan(firstPage);
    expect(order.at(-1)).toBe('_headers');
  });

  test('a second deploy of the same build uploads nothing; after an edit only the changed file goes up and removed files are deleted last', async () => {
    const { siteDir } = sharedSample();
    await deploy(siteDir);
    store.requests.length = 0;
    const { lines } = await deploy(siteDir);
    expect(puts()).toEqual([]);
    expect(lines.at(-1)).toBe(`✔ 0 uploaded, ${siteFiles(siteDir).length} unchanged, 0 deleted in s3://${BUCKET}/`);

    const copy = path.join(root, 'edited');
    cpSync(siteDir, copy, { recursive: true });
    const story = siteFiles(copy).find((file) => file.startsWith('news/') && file.endsWith('/index.html')) ?? '';
    writeFileSync(path.join(copy, story), `${readFileSync(path.join(copy, story), 'utf8')}<!-- corrected -->`);
    const removed = siteFiles(copy).find((file) => file.startsWith('img/')) ?? '';
    unlinkSync(path.join(copy, removed));
    store.requests.length = 0;
    await deploy(copy);
    expect(puts()).toEqual([story]);
    expect(store.objects.has(removed)).toBe(false);
    const actions = store.requests.map((r) => r.action);
    expect(actions.lastIndexOf('put')).toBeLessThan(actions.indexOf('delete'));
  });

  test('under a prefix: only that prefix is listed, written and cleaned', async () => {
    const { siteDir } = sharedSample();
    store.objects.set('newsroom/keep.txt', { body: Buffer.from('other'), etag: 'x', contentType: undefined, cacheControl: undefined });
    await deploy(siteDir, `s3://${BUCKET}/news`);
    expect(store.objects.has('news/index.html')).toBe(true);
    expect(store.objects.has('newsroom/keep.txt')).toBe(true);
    expect([...store.objects.keys()].filter((key) => !key.startsWith('news/'))).toEqual(['newsroom/keep.txt']);
  });

  test('a failed upload stops the deploy before anything is deleted', async () => {
    const { siteDir } = sharedSample();
    store.objects.set('old/index.html', { body: Buffer.from('old'), etag: 'x', contentType: undefined, cacheControl: undefined });
    store.failPuts.add('index.html');
    await expect(deploy(siteDir)).rejects.toThrow(/^uploading index\.html failed: .*; \d+ of \d+ files were uploaded and nothing was deleted: run the deploy again to finish$/);
    expect(store.objects.has('old/index.html')).toBe(true);
    expect(store.objects.has('_headers')).toBe(false);
    expect(store.requests.some((r) => r.action === 'delete')).toBe(false);
  });

  test('a folder that is not a build is refused before the bucket is touched', async () => {
    const empty = mkdtempSync(path.join(root, 'empty-'));
    await expect(deploy(empty)).rejects.toThrow(`${empty} has no index.html, _headers, feed.json: deploy a folder that broadsheet build wrote (--out)`);
    expect(store.requests).toEqual([]);
  });

  test('a preview build (drafts and scheduled stories shown) is refused before the bucket is touched', async () => {
    const { previewDir } = sharedSample();
    await expect(deploy(previewDir)).rejects.toThrow(`${previewDir} is a preview, built with --drafts or --future (its robots.txt turns every crawler away): build without them to deploy`);
    expect(store.requests).toEqual([]);
  });

  test('without a region anywhere, the deploy stops before any request and says where to give one', async () => {
    const saved = { region: process.env.AWS_REGION, defaultRegion: process.env.AWS_DEFAULT_REGION, config: process.env.AWS_CONFIG_FILE };
    process.env.AWS_CONFIG_FILE = path.join(root, 'no-aws-config');
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;
    try {
      await expect(deployToS3({ target: `s3://${BUCKET}`, outDir: sharedSample().siteDir, endpoint: store.endpoint, dryRun: true, say: () => {} })).rejects.toThrow(
        `reading s3://${BUCKET}/ failed: Region is missing (give --region R, or set AWS_REGION); nothing was changed`,
      );
      expect(store.requests).toEqual([]);
    } finally {
      for (const [name, value] of [['AWS_REGION', saved.region], ['AWS_DEFAULT_REGION', saved.defaultRegion], ['AWS_CONFIG_FILE', saved.config]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  test('a bucket that cannot be read stops the deploy with what the store said', async () => {
    await expect(deploy(sharedSample().siteDir, 's3://no-such-bucket')).rejects.toThrow(/^reading s3:\/\/no-such-bucket\/ failed: .*; nothing was changed$/);
    expect(store.requests.filter((r) => r.action !== 'list')).toEqual([]);
  });

  test('the command line: usage errors exit 2, a deploy exits 0 and says what it did', async () => {
    const cli = path.resolve('dist/cli.js');
    const env = { ...process.env, ...CREDENTIALS, AWS_REGION: 'us-east-1', NO_COLOR: '1', NODE_NO_WARNINGS: '1' };
    // Not spawnSync: the store answers from this process, which must keep running meanwhile.
    const run = (...args: string[]) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = execFile(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env }, (_error, stdout, stderr) => resolve({ status: child.exitCode, stdout, stderr }));
      });
    expect((await run('deploy')).status).toBe(2);
    const bad = await run('deploy', 'https://example.org/');
    expect([bad.status, bad.stderr.trim()]).toEqual([2, '"https://example.org/" is not an S3 address: write s3://BUCKET or s3://BUCKET/PREFIX']);
    expect((await run('build', '--dry-run')).stderr.trim()).toBe('--dry-run is for deploy, not build');
    const notBuilt = await run('deploy', `s3://${BUCKET}`, '--endpoint', store.endpoint);
    expect([notBuilt.status, notBuilt.stderr.trim()]).toEqual([1, `✖ ${path.join(root, '_site')} has no index.html, _headers, feed.json: deploy a folder that broadsheet build wrote (--out)`]);
    const done = await run('deploy', `s3://${BUCKET}`, '--out', sharedSample().siteDir, '--endpoint', store.endpoint);
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    expect(done.stdout.trim().split('\n').at(-1)).toBe(`✔ ${siteFiles(sharedSample().siteDir).length} uploaded, 0 unchanged, 0 deleted in s3://${BUCKET}/`);
  });
});
