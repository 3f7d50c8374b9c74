import type { Duplex } from 'node:stream';
import { clientErrorProblem } from './refuse-hostile-input.hook.js';

/** The bytes a raw socket receives, and whether it was closed (only what the handler touches). */
function fakeSocket() {
  const socket = {
    written: '',
    writable: true,
    destroyed: false,
    write(chunk: string) {
      socket.written += chunk;
      return true;
    },
    destroy() {
      socket.destroyed = true;
    },
  };
  return socket;
}

function answerTo(code: string) {
  const socket = fakeSocket();
  clientErrorProblem(Object.assign(new Error(code), { code }), socket as unknown as Duplex);
  const [head, body] = socket.written.split('\r\n\r\n');
  return { head, body: JSON.parse(body), destroyed: socket.destroyed };
}

describe('answering requests Node cannot parse', () => {
  it('answers oversized headers (a huge query string) 431 problem+json with a stable code', () => {
    const { head, body, destroyed } = answerTo('HPE_HEADER_OVERFLOW');
    expect(head).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    expect(head).toContain('Content-Type: application/problem+json');
    expect(head).toContain(`Content-Length: ${Buffer.byteLength(JSON.stringify(body))}`);
    expect(body).toMatchObject({
      status: 431,
      title: 'Request Header Fields Too Large',
      code: 'http.headers-too-large',
    });
    expect(destroyed).toBe(true);
  });

  it('answers any other parse failure 400 http.malformed-request, and a slow client 408', () => {
    expect(answerTo('HPE_INVALID_METHOD').body).toMatchObject({ status: 400, code: 'http.malformed-request' });
    expect(answerTo('ERR_HTTP_REQUEST_TIMEOUT').body).toMatchObject({ status: 408, code: 'http.request-timeout' });
  });

  it('writes nothing on a connection the client already reset', () => {
    const socket = fakeSocket();
    clientErrorProblem(Object.assign(new Error('reset'), { code: 'ECONNRESET' }), socket as unknown as Duplex);
    expect(socket.written).toBe('');
  });
});
