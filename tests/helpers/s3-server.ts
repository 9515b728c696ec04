import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An object as the fake store keeps it. */
export interface StoredObject {
  body: Buffer;
  etag: string;
  contentType: string | undefined;
  cacheControl: string | undefined;
}

/** One request the fake store answered, in the order they came. */
export interface StoreRequest {
  method: string;
  key: string;
  /** `list`, `put`, `get`, `delete` (one per key of a DeleteObjects). */
  action: string;
}

export interface FakeS3 {
  endpoint: string;
  objects: Map<string, StoredObject>;
  requests: StoreRequest[];
  /** Keys whose upload the store refuses (500), to see a deploy stop. */
  failPuts: Set<string>;
  close: () => Promise<void>;
}

/**
 * A small S3-compatible store on 127.0.0.1 for one bucket, path-style, as
 * much of the protocol as a deploy uses: ListObjectsV2 (a hundred keys a page,
 * so that a site's listing takes several), PutObject (which checks Content-MD5, as S3 does),
 * GetObject and DeleteObjects. Signatures are not checked.
 */
/** Keys in one page of a listing: fewer than S3's 1,000, so that the sample's 500 files take five pages. */
const PAGE = 100;

export async function startFakeS3(bucket: string): Promise<FakeS3> {
  const objects = new Map<string, StoredObject>();
  const requests: StoreRequest[] = [];
  const failPuts = new Set<string>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => answer(request, Buffer.concat(chunks), response));
  });

  function answer(request: IncomingMessage, body: Buffer, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const [, first = '', ...rest] = url.pathname.split('/');
    const key = rest.map(decodeURIComponent).join('/');
    if (decodeURIComponent(first) !== bucket) return send(response, 404, '<Error><Code>NoSuchBucket</Code></Error>');
    if (request.method === 'GET' && key === '' && url.searchParams.get('list-type') === '2') {
      requests.push({ method: 'GET', key: '', action: 'list' });
      const prefix = url.searchParams.get('prefix') ?? '';
      const keys = [...objects.keys()].filter((k) => k.startsWith(prefix)).sort();
      const start = Number(url.searchParams.get('continuation-token') ?? '0');
      const page = keys.slice(start, start + PAGE);
      const truncated = start + PAGE < keys.length;
      const contents = page.map((k) => `<Contents><Key>${xml(k)}</Key><ETag>&quot;${objects.get(k)?.etag}&quot;</ETag><Size>${objects.get(k)?.body.length}</Size></Contents>`);
      return send(
        response,
        200,
        `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${bucket}</Name><Prefix>${xml(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${PAGE}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${contents.join('')}${truncated ? `<NextContinuationToken>${start + PAGE}</NextContinuationToken>` : ''}</ListBucketResult>`,
      );
    }
    if (request.method === 'PUT' && key) {
      requests.push({ method: 'PUT', key, action: 'put' });
      if (failPuts.has(key)) return send(response, 500, '<Error><Code>InternalError</Code><Message>refused by the test</Message></Error>');
      const md5 = createHash('md5').update(body);
      if (request.headers['content-md5'] !== md5.copy().digest('base64')) return send(response, 400, '<Error><Code>BadDigest</Code></Error>');
      const etag = md5.digest('hex');
      objects.set(key, { body, etag, contentType: request.headers['content-type'], cacheControl: request.headers['cache-control'] });
      response.setHeader('ETag', `"${etag}"`);
      return send(response, 200, '');
    }
    if (request.method === 'GET' && key) {
      requests.push({ method: 'GET', key, action: 'get' });
      const object = objects.get(key);
      if (!object) return send(response, 404, '<Error><Code>NoSuchKey</Code></Error>');
      response.setHeader('ETag', `"${object.etag}"`);
      response.writeHead(200, { 'Content-Type': object.contentType ?? 'application/octet-stream' });
      return void response.end(object.body);
    }
    if (request.method === 'POST' && url.searchParams.has('delete')) {
      const keys = [...body.toString('utf8').matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => unxml(m[1] ?? ''));
      for (const k of keys) {
        requests.push({ method: 'POST', key: k, action: 'delete' });
        objects.delete(k);
      }
      return send(response, 200, '<?xml version="1.0" encoding="UTF-8"?><DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"></DeleteResult>');
    }
    return send(response, 400, '<Error><Code>NotImplemented</Code></Error>');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    requests,
    failPuts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function send(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'Content-Type': 'application/xml' });
  response.end(body);
}

const xml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unxml = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
