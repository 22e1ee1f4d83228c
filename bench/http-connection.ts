/**
 * The bench's load generator: one persistent HTTP/1.1 connection, one request at a time.
 *
 * The bench shares the machine's cores with the app and PostgreSQL, so every millisecond of CPU the
 * load generator spends is taken from the server it measures. `fetch` (undici) spent about as much
 * CPU per request as the bare insert route itself; this client writes each request as one buffer and
 * reads only the status line, the framing headers and the body's length, as C load generators do.
 */
import net from 'node:net';

export interface HttpAnswer {
  status: number;
  body: Buffer;
}

const headerEnd = Buffer.from('\r\n\r\n');

/** The framing of an answer whose headers have arrived: its status, and where and how its body ends. */
interface Framing {
  status: number;
  bodyStart: number;
  contentLength: number | null;
}

function parseHead(head: string, bodyStart: number): Framing {
  const status = Number(head.slice(9, 12));
  if (!head.startsWith('HTTP/1.1 ') || !Number.isInteger(status)) throw new Error(`not an HTTP/1.1 answer: ${head.slice(0, 40)}`);
  let contentLength: number | null = null;
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).toLowerCase();
    if (name === 'content-length') contentLength = Number(line.slice(colon + 1).trim());
    else if (
      name === 'transfer-encoding' &&
      line
        .slice(colon + 1)
        .trim()
        .toLowerCase() !== 'identity'
    )
      throw new Error('chunked answers are not expected from the bench routes');
  }
  // Without a length (and not chunked) an HTTP/1.1 body runs to the connection's end: not kept alive.
  if (contentLength === null) throw new Error('an answer without Content-Length');
  return { status, bodyStart, contentLength };
}

export class HttpConnection {
  #socket: net.Socket | null = null;
  #buffer: Buffer = Buffer.alloc(0);
  #framing: Framing | null = null;
  #pending: { resolve: (a: HttpAnswer) => void; reject: (e: Error) => void } | null = null;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  /** Sends one request (headers other than Host and Content-Length given) and waits for its answer. */
  request(method: string, target: string, headers: string, body: Buffer | null): Promise<HttpAnswer> {
    if (this.#pending) return Promise.reject(new Error('one request at a time per connection'));
    const socket = this.#socket ?? this.#connect();
    const head = `${method} ${target} HTTP/1.1\r\nhost: ${this.host}:${this.port}\r\n${headers}content-length: ${body?.length ?? 0}\r\n\r\n`;
    return new Promise<HttpAnswer>((resolve, reject) => {
      this.#pending = { resolve, reject };
      socket.write(body ? Buffer.concat([Buffer.from(head, 'latin1'), body]) : Buffer.from(head, 'latin1'));
    });
  }

  close(): void {
    this.#socket?.destroy();
    this.#socket = null;
  }

  #connect(): net.Socket {
    const socket = net.connect({ host: this.host, port: this.port, noDelay: true });
    socket.on('data', (chunk: Buffer) => this.#receive(chunk));
    const fail = (error: Error) => {
      if (this.#socket === socket) this.#socket = null;
      this.#buffer = Buffer.alloc(0);
      this.#framing = null;
      const pending = this.#pending;
      this.#pending = null;
      pending?.reject(error);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('the server closed the connection')));
    this.#socket = socket;
    return socket;
  }

  #receive(chunk: Buffer): void {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    try {
      if (!this.#framing) {
        const end = this.#buffer.indexOf(headerEnd);
        if (end < 0) return;
        this.#framing = parseHead(this.#buffer.toString('latin1', 0, end), end + headerEnd.length);
      }
      const { status, bodyStart, contentLength } = this.#framing;
      const bodyEnd = bodyStart + (contentLength ?? 0);
      if (this.#buffer.length < bodyEnd) return;
      const answer = { status, body: this.#buffer.subarray(bodyStart, bodyEnd) };
      this.#buffer = this.#buffer.subarray(bodyEnd);
      this.#framing = null;
      const pending = this.#pending;
      this.#pending = null;
      pending?.resolve(answer);
    } catch (error) {
      this.#socket?.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
