/**
 * `multipart/form-data` bodies (RFC 7578), written by the client rather than by `FormData`: FormData gives
 * every Blob part a filename and cannot give a text part a content type, so JSON parts (`Content-Type:
 * application/json`, or the spec's `encoding` map's) would look like files. Files may need reading (streams,
 * responses), so the body is built when the request is sent, not when the method is called.
 */

import type { MultipartBody } from './body';
import { stylePairs } from './form-pairs';
import { isUploadable, toFile } from './uploads';

/**
 * The encoded body, as one Blob (file contents are not copied), and its `Content-Type` with the boundary. The
 * methods with a multipart body pass it as `multipartEncoder`: only their clients ship this module.
 */
export async function encodeMultipart(
  body: MultipartBody,
): Promise<{ body: Blob; contentType: string }> {
  const boundary = `----clientgen-${randomHex()}${randomHex()}`;
  const parts: Array<string | Blob> = [];
  for (const [name, value] of Object.entries(body.fields)) {
    const declared = body.partContentTypes[name];
    const styled = body.fieldStyles[name];
    // A styled field holding no file is one text part per pair (`expand[0]`, `metadata[key]`), as in a form body.
    if (styled && !containsUpload(value)) {
      for (const { key, parts: texts, delimiter } of stylePairs(name, value, {
        style: 'form',
        ...styled,
      })) {
        parts.push(
          `--${boundary}\r\n`,
          ...(await partOf(key, texts.join(delimiter), undefined)),
          '\r\n',
        );
      }
      continue;
    }
    // An array is one part per item (a list of files, or of values), each sent by its own kind.
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (item === undefined || item === null) continue;
      parts.push(`--${boundary}\r\n`, ...(await partOf(name, item, declared)), '\r\n');
    }
  }
  parts.push(`--${boundary}--\r\n`);
  return { body: new Blob(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** One part's headers and contents: a file with its filename, a JSON value, or text. */
async function partOf(
  name: string,
  value: unknown,
  declared: string | undefined,
): Promise<Array<string | Blob>> {
  const disposition = `Content-Disposition: form-data; name="${quote(name)}"`;
  if (isUploadable(value)) {
    const file = await toFile(value);
    const type = file.type || concrete(declared) || 'application/octet-stream';
    return [
      `${disposition}; filename="${quote(file.name)}"\r\nContent-Type: ${type}\r\n\r\n`,
      file,
    ];
  }
  if (typeof value === 'object') {
    const type = concrete(declared) ?? 'application/json';
    return [`${disposition}\r\nContent-Type: ${type}\r\n\r\n${JSON.stringify(value)}`];
  }
  // What is left is a string, number, boolean or bigint (objects and files are handled above).
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'bigint'
        ? value.toString()
        : (JSON.stringify(value) ?? '');
  const header = declared ? `\r\nContent-Type: ${concrete(declared) ?? 'text/plain'}` : '';
  return [`${disposition}${header}\r\n\r\n${text}`];
}

/** Whether a value is or holds (in an array) a file. */
function containsUpload(value: unknown): boolean {
  return Array.isArray(value) ? value.some(containsUpload) : isUploadable(value);
}

/** A declared content type that can be sent as one: not a list (`image/png, image/jpeg`) or range (`image/*`). */
function concrete(declared: string | undefined): string | undefined {
  return declared && !declared.includes('*') && !declared.includes(',') ? declared : undefined;
}

/** A name or filename in a quoted-string, escaped as the HTML form encoding does (`"` → %22, CR, LF). */
function quote(text: string): string {
  return text.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function randomHex(): string {
  return Math.random().toString(16).slice(2, 10).padEnd(8, '0');
}
