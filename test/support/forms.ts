/** Builds request bodies as a browser would send them (multipart with files, or url-encoded). */

/** A multipart/form-data body from fields and files, with its content type. */
export async function multipart(
  fields: Record<string, string>,
  files: { field: string; name: string; bytes: Uint8Array; type?: string }[] = [],
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const file of files) {
    form.append(
      file.field,
      new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }),
      file.name,
    );
  }
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type') as string },
  };
}

/** An application/x-www-form-urlencoded body. */
export function urlencoded(fields: Record<string, string>): {
  payload: string;
  headers: Record<string, string>;
} {
  return {
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  };
}

/** The value of a hidden input in an HTML page (attribute-escaped as the pages write it). */
export function hiddenValue(page: string, name: string): string {
  const match = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(page);
  if (!match) throw new Error(`no hidden input ${name}`);
  return (match[1] as string)
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The cookie header value (`name=value`) of a Set-Cookie in a response. */
export function cookieOf(response: { cookies: { name: string; value: string }[] }, name: string): string {
  const cookie = response.cookies.find((c) => c.name === name);
  if (!cookie) throw new Error(`no cookie ${name}`);
  return `${name}=${cookie.value}`;
}
