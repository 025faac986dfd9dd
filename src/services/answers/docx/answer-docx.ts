import type { AnswerDocumentContent } from '../../../core/answers/compose.js';
import { writeDocx, type DocxParagraph } from './write-docx.js';

/** Lays a composed answer document out as DOCX: 版头, title, 文号, 主送, body, remedies, signature. */
export function answerDocx(content: AnswerDocumentContent, created: Date): Uint8Array {
  const paragraphs: DocxParagraph[] = [
    ...content.letterhead.map((text): DocxParagraph => ({ style: 'Letterhead', text })),
    { style: 'Title', text: content.title },
    { style: 'DocNumber', text: content.documentNumber },
    ...(content.salutation === null ? [] : [{ style: 'Salutation' as const, text: content.salutation }]),
    ...content.paragraphs.map((text): DocxParagraph => ({ style: 'Body', text })),
    ...content.remedies.map((text): DocxParagraph => ({ style: 'Body', text })),
    ...content.signature.map((text): DocxParagraph => ({ style: 'Signature', text })),
  ];
  return writeDocx({ title: content.title, created, paragraphs });
}
