/**
 * Request targets, byte for byte, that try to leave the output folder or to
 * trip the dev server's decoding, each with the status the guard gives it.
 * Eleventy's dev server alone died on the first one.
 */
export const HOSTILE_PATHS: ReadonlyArray<readonly [target: string, status: number]> = [
  ['/..%2f..%2fetc%2fpasswd', 400],
  ['/..%2F..%2Fetc%2Fpasswd', 400],
  ['/%2e%2e/%2e%2e/etc/passwd', 400],
  ['/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd', 400],
  ['/.%2e/.%2e/etc/passwd', 400],
  ['/../../etc/passwd', 400],
  ['/news/../../etc/passwd', 400],
  ['/./index.html', 400],
  ['/..%5c..%5cetc%5cpasswd', 400],
  ['/..\\..\\etc\\passwd', 400],
  // Overlong UTF-8 for "." and "/", the old IIS traversal.
  ['/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd', 400],
  ['/%c0%ae%c0%ae%c0%af%c0%ae%c0%ae%c0%afetc%c0%afpasswd', 400],
  ['/%e0%80%ae%e0%80%ae/etc/passwd', 400],
  ['/%c1%9c', 400],
  // Malformed escapes and byte sequences that are not UTF-8.
  ['/%', 400],
  ['/%zz', 400],
  ['/%e2%82', 400],
  ['/%ed%a0%80', 400],
  ['/%ff', 400],
  // NUL and other control characters, encoded.
  ['/index.html%00.txt', 400],
  ['/%00', 400],
  ['/news%0d%0aSet-Cookie:x=1/', 400],
  // Not a path: protocol-relative, absolute form, asterisk, fragments.
  ['//etc/passwd', 400],
  ['http://localhost/../etc/passwd', 400],
  ['*', 400],
  ['/#../etc/passwd', 400],
  ['/' + 'a'.repeat(3000), 414],
];
