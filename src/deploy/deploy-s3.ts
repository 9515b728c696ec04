import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { feedPaths, fileOf, HOST_FILES, SITE_PATHS } from '../routes/addresses.js';
import { filesBelow } from '../util/files-below.js';
import { contentTypeOf } from './content-type.js';
import { planDeploy, type DeployPlan, type LocalFile, type RemoteFile, type Upload } from './deploy-plan.js';
import { parseS3Target, type S3Target } from './s3-target.js';

export interface S3DeployOptions {
  /** `s3://BUCKET[/PREFIX]`. */
  target: string;
  /** The built site. */
  outDir: string;
  /** An S3-compatible service's address (MinIO, R2, B2…); AWS's own when undefined. */
  endpoint?: string | undefined;
  region?: string | undefined;
  dryRun: boolean;
  say: (line: string) => void;
  /** A client made elsewhere (tests); otherwise one is made from the options and the usual AWS environment and files. */
  client?: S3Client;
}

export interface S3DeployReport {
  plan: DeployPlan;
  uploaded: number;
  deleted: number;
}

/** A deploy that cannot start, or stopped: the message says why and what is left as it was. */
export class DeployError extends Error {
  override name = 'DeployError';
}

/** Uploads at once: enough to hide each request's round trip, few enough for a small runner's sockets. */
const PARALLEL = 8;
/** The most keys one DeleteObjects request takes. */
const DELETE_BATCH = 1000;

/**
 * Brings a bucket in line with a built site: lists the bucket, uploads the
 * files whose bytes (or headers) changed, assets first, then pages, then
 * `_headers`, and, only once every upload succeeded, deletes the objects of
 * files the site no longer has. With `dryRun`, prints the plan and changes
 * nothing.
 */
export async function deployToS3(options: S3DeployOptions): Promise<S3DeployReport> {
  const target = parseS3Target(options.target);
  if ('error' in target) throw new DeployError(target.error);
  const local = readBuiltSite(options.outDir);
  // The SDK warns on every run that its releases after January 2027 will need Node 22: a note for
  // whoever upgrades Broadsheet's dependencies (and in the README), not for the editor deploying.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const s3 = await import('@aws-sdk/client-s3');
  const client =
    options.client ??
    new s3.S3Client({
      ...(options.region ? { region: options.region } : {}),
      ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
      // Checksums only where S3 asks for them: several S3-compatible stores refuse
      // the ones newer SDKs add to every upload. Each upload sends its Content-MD5.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  const where = `s3://${target.bucket}/${target.prefix}`;
  const { remote, previousHeaders } = await readBucket(s3, client, target, where);
  const plan = planDeploy({
    local: local.files,
    remote,
    headers: readFileSync(path.join(options.outDir, HOST_FILES.headers), 'utf8'),
    previousHeaders,
    sitePrefix: local.sitePrefix,
    typeOf: contentTypeOf,
  });
  if (plan.problems.length > 0) {
    const lines = plan.problems.map((problem) => `${path.join(options.outDir, HOST_FILES.headers)}:${problem.line}: ${problem.message}`);
    throw new DeployError(`${lines.join('\n')}\nnothing was uploaded to ${where}`);
  }
  if (plan.cdnHeaders.length > 0) options.say(`  the CDN must add these headers of _headers (an object cannot carry them): ${plan.cdnHeaders.join(', ')}`);
  if (options.dryRun) {
    for (const upload of plan.uploads) options.say(`  upload ${upload.file} (${upload.reason}; ${upload.contentType}; Cache-Control: ${upload.cacheControl})`);
    for (const file of plan.deletes) options.say(`  delete ${file}`);
    options.say(`dry run: ${plan.uploads.length} to upload, ${plan.unchanged} unchanged, ${plan.deletes.length} to delete in ${where}; nothing was changed`);
    return { plan, uploaded: 0, deleted: 0 };
  }
  const uploaded = await uploadAll(s3, client, target, options.outDir, plan.uploads);
  const deleted = await deleteAll(s3, client, target, plan.deletes);
  options.say(`✔ ${uploaded} uploaded, ${plan.unchanged} unchanged, ${deleted} deleted in ${where}`);
  return { plan, uploaded, deleted };
}

/** What the bucket holds under the prefix, and the `_headers` of the last complete deploy if it has one. */
async function readBucket(s3: S3Module, client: S3Client, target: S3Target, where: string): Promise<{ remote: RemoteFile[]; previousHeaders: string | undefined }> {
  try {
    const remote = await listBucket(s3, client, target);
    const previousHeaders = remote.some(({ file }) => file === HOST_FILES.headers) ? await readObject(s3, client, target, HOST_FILES.headers) : undefined;
    return { remote, previousHeaders };
  } catch (error) {
    const hint =
      (error as Error).name === 'CredentialsProviderError'
        ? ' (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE for a profile in ~/.aws/credentials)'
        : /region is missing/i.test((error as Error).message)
          ? ' (give --region R, or set AWS_REGION)'
          : '';
    throw new DeployError(`reading ${where} failed: ${(error as Error).message}${hint}; nothing was changed`);
  }
}

/** Uploads phase by phase, the next starting when the one before has finished; the number uploaded. */
async function uploadAll(s3: S3Module, client: S3Client, target: S3Target, outDir: string, uploads: readonly Upload[]): Promise<number> {
  let uploaded = 0;
  for (const phase of ['asset', 'page', 'host'] as const) {
    const batch = uploads.filter((upload) => upload.phase === phase);
    try {
      // The host files one by one, in the plan's order: _headers, the record of the rules the objects were given, goes up last.
      await inParallel(batch, (upload) => putFile(s3, client, target, outDir, upload).then(() => void (uploaded += 1)), phase === 'host' ? 1 : PARALLEL);
    } catch (error) {
      throw new DeployError(`${(error as Error).message}; ${uploaded} of ${uploads.length} files were uploaded and nothing was deleted: run the deploy again to finish`);
    }
  }
  return uploaded;
}

/** Deletes the objects of `files`, a thousand a request; the number deleted. */
async function deleteAll(s3: S3Module, client: S3Client, target: S3Target, files: readonly string[]): Promise<number> {
  let deleted = 0;
  for (let start = 0; start < files.length; start += DELETE_BATCH) {
    const batch = files.slice(start, start + DELETE_BATCH);
    let failed: { Key?: string | undefined; Code?: string | undefined }[];
    try {
      const answer = await client.send(
        new s3.DeleteObjectsCommand({ Bucket: target.bucket, Delete: { Objects: batch.map((file) => ({ Key: target.prefix + file })), Quiet: true } }),
      );
      failed = answer.Errors ?? [];
    } catch (error) {
      throw new DeployError(`deleting old files failed: ${(error as Error).message}; every new file is up and ${deleted} old ones were deleted: run the deploy again to finish`);
    }
    deleted += batch.length - failed.length;
    if (failed.length > 0)
      throw new DeployError(`${failed.length} old files could not be deleted (${failed.map((e) => `${e.Key}: ${e.Code}`).slice(0, 5).join(', ')}); every new file is up: run the deploy again to finish`);
  }
  return deleted;
}

/**
 * The files of the built site with their MD5s, and the site's path prefix,
 * read from the address the JSON Feed at its root gives itself. A folder
 * without the home page, `_headers` or that feed is not a Broadsheet build:
 * deploying it would delete the site.
 */
function readBuiltSite(outDir: string): { files: LocalFile[]; sitePrefix: string } {
  const feedFile = fileOf(feedPaths(SITE_PATHS.home).json);
  const missing = [fileOf(SITE_PATHS.home), HOST_FILES.headers, feedFile].filter((file) => !existsSync(path.join(outDir, file)));
  if (missing.length > 0) throw new DeployError(`${outDir} has no ${missing.join(', ')}: deploy a folder that broadsheet build wrote (--out)`);
  // A preview (--drafts, --future) turns every crawler away: published, it would take the site out of search engines and show unpublished stories.
  const robots = path.join(outDir, HOST_FILES.robots);
  if (existsSync(robots) && /^Disallow: \/$/m.test(readFileSync(robots, 'utf8'))) {
    throw new DeployError(`${outDir} is a preview, built with --drafts or --future (its robots.txt turns every crawler away): build without them to deploy`);
  }
  const feed = JSON.parse(readFileSync(path.join(outDir, feedFile), 'utf8')) as { feed_url?: unknown };
  if (typeof feed.feed_url !== 'string') throw new DeployError(`${path.join(outDir, feedFile)} gives no feed_url, which tells the site's address`);
  const sitePrefix = new URL(feed.feed_url).pathname.replace(/\/feed\.json$/, '');
  const files = filesBelow(outDir).map(({ file, full }) => ({ file, md5: createHash('md5').update(readFileSync(full)).digest('hex') }));
  return { files, sitePrefix };
}

type S3Module = typeof import('@aws-sdk/client-s3');

async function listBucket(s3: S3Module, client: S3Client, target: S3Target): Promise<RemoteFile[]> {
  const found: RemoteFile[] = [];
  for await (const page of s3.paginateListObjectsV2({ client }, { Bucket: target.bucket, Prefix: target.prefix })) {
    for (const object of page.Contents ?? []) {
      const key = object.Key ?? '';
      // A "folder" some consoles make is no file of the site's.
      if (!key.startsWith(target.prefix) || key.endsWith('/')) continue;
      found.push({ file: key.slice(target.prefix.length), etag: object.ETag ?? '' });
    }
  }
  return found;
}

async function readObject(s3: S3Module, client: S3Client, target: S3Target, file: string): Promise<string> {
  const answer = await client.send(new s3.GetObjectCommand({ Bucket: target.bucket, Key: target.prefix + file }));
  return (await answer.Body?.transformToString('utf-8')) ?? '';
}

async function putFile(s3: S3Module, client: S3Client, target: S3Target, outDir: string, upload: Upload): Promise<void> {
  const body = await readFile(path.join(outDir, upload.file));
  try {
    await client.send(
      new s3.PutObjectCommand({
        Bucket: target.bucket,
        Key: target.prefix + upload.file,
        Body: body,
        ContentType: upload.contentType,
        CacheControl: upload.cacheControl,
        // The store checks the bytes against it; and a single-part upload's ETag is this MD5, which the next deploy compares.
        ContentMD5: Buffer.from(upload.md5, 'hex').toString('base64'),
      }),
    );
  } catch (error) {
    throw new Error(`uploading ${upload.file} failed: ${(error as Error).message}`);
  }
}

/** Runs `work` on every item, at most `width` at once, in order; on the first failure starts no more, waits for those under way, and throws it. */
async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<void>, width: number): Promise<void> {
  let next = 0;
  let failure: unknown;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  if (failure !== undefined) throw failure;
}
