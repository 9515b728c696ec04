/** Where a deploy goes: a bucket and the key prefix the site's files go under (`''`, or `news/` with its slash). */
export interface S3Target {
  bucket: string;
  prefix: string;
}

/**
 * `s3://BUCKET[/PREFIX]` as a bucket and a key prefix, or why it is not
 * one. A prefix ends in `/` so that `s3://b/news` never lists, or deletes,
 * the objects of `newsroom/`; an empty segment or `.`/`..` is refused,
 * since stores differ on what they make of them.
 */
export function parseS3Target(text: string): S3Target | { error: string } {
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(text);
  if (!match) return { error: `"${text}" is not an S3 address: write s3://BUCKET or s3://BUCKET/PREFIX` };
  const bucket = match[1] ?? '';
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) return { error: `"${bucket}" is not a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens` };
  const segments = (match[2] ?? '').replace(/\/$/, '').split('/').filter((segment, index, all) => !(all.length === 1 && segment === ''));
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..'))
    return { error: `"${match[2]}" is not a key prefix: no empty, "." or ".." parts` };
  return { bucket, prefix: segments.length ? `${segments.join('/')}/` : '' };
}
