import type { FastifyReply } from 'fastify';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Sends a .docx as a download; the UTF-8 name (RFC 6266/5987) keeps the Chinese title, with an ASCII fallback. */
export function sendDocx(reply: FastifyReply, docx: Uint8Array, name: string): FastifyReply {
  return reply
    .header('content-type', DOCX)
    .header(
      'content-disposition',
      `attachment; filename="answer.docx"; filename*=UTF-8''${encodeURIComponent(`${name}.docx`)}`,
    )
    .header('cache-control', 'no-store')
    .send(Buffer.from(docx));
}
