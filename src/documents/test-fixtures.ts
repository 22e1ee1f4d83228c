import { demoBirthExtract } from '../demo/store.ts';
import type { IssueRequest } from './domain/issue-request.ts';

/** A birth certificate extract (trích lục khai sinh) for the first demo citizen, issued by Phường Tam Long. */
export const birthExtract: IssueRequest = { ...demoBirthExtract, documentType: 'birth-certificate-extract' };

/** A multipart/form-data request carrying one PDF in the field "file", as a browser form sends it. */
export function multipartPdf(bytes: Uint8Array, fileName = 'ket-qua.pdf'): { headers: Record<string, string>; payload: Buffer } {
  const boundary = `----tinhso${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`;
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}
