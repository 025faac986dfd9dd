import { Paragraph } from 'docx';
import type { AnswerDocumentContent } from '../../../core/answers/compose.js';
import { officialDocument, officialSection, packDocx, textRuns } from '../../documents/official-docx.js';

type AnswerStyle = 'Letterhead' | 'Title' | 'DocNumber' | 'Body' | 'Salutation' | 'Signature';

function paragraph(style: AnswerStyle, text: string): Paragraph {
  return new Paragraph({ style, children: textRuns(text) });
}

/**
 * Lays a composed answer document out as DOCX (GB/T 9704 page and fonts, `documents/official-docx.ts`): 版头,
 * title, 文号, 主送, body, remedies, signature. The same content and time give the same bytes.
 */
export async function answerDocx(content: AnswerDocumentContent, created: Date): Promise<Uint8Array> {
  const paragraphs = [
    ...content.letterhead.map((text) => paragraph('Letterhead', text)),
    paragraph('Title', content.title),
    paragraph('DocNumber', content.documentNumber),
    ...(content.salutation === null ? [] : [paragraph('Salutation', content.salutation)]),
    ...content.paragraphs.map((text) => paragraph('Body', text)),
    ...content.remedies.map((text) => paragraph('Body', text)),
    ...content.signature.map((text) => paragraph('Signature', text)),
  ];
  const doc = officialDocument(content.title, [officialSection(paragraphs)]);
  return packDocx(doc, { title: content.title, created });
}
