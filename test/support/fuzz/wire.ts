import http from 'node:http';
import type { FuzzRequest } from './request-arbitrary.js';

export interface WireAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/**
 * Sends a request exactly as generated (node:http, not fetch): repeated headers stay repeated, the
 * path is not normalised, the body is the bytes given and nothing adds a Content-Type.
 */
export function sendRaw(baseUrl: string, request: FuzzRequest, token?: string): Promise<WireAnswer> {
  const { hostname, port } = new URL(baseUrl);
  const headers: http.OutgoingHttpHeaders = { ...request.headers };
  if (token) headers.authorization = `Bearer ${token}`;
  const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
  if (body) headers['content-length'] = body.length;
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      { host: hostname, port: Number(port), method: request.method, path: request.url, headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    // A server that answers (413) before reading a large body may close the socket under the upload.
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
