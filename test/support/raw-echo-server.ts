import { createServer, type Server, type Socket } from 'node:net';
import type { EchoServer, Received } from './echo-server';

// node:http refuses methods outside its own list and some header bytes before a test could
// look at them; this server reads HTTP/1.1 off the socket itself, so a test sees exactly
// the bytes a client sent (method, raw target, header lines, body by length or chunked).

const CRLF2 = Buffer.from('\r\n\r\n');

function parseHead(head: Buffer): Omit<Received, 'body'> | null {
  const lines = head.toString('latin1').split('\r\n');
  const m = /^(\S+) (\S+) HTTP\/1\.[01]$/.exec(lines[0] ?? '');
  if (!m) return null;
  const headers: Received['headers'] = [];
  for (const l of lines.slice(1)) {
    const i = l.indexOf(':');
    if (i <= 0) return null;
    headers.push({ name: l.slice(0, i), value: Buffer.from(l.slice(i + 1).replace(/^[ \t]+|[ \t]+$/g, ''), 'latin1') });
  }
  return { method: m[1]!, target: m[2]!, headers };
}

/** Decodes a chunked body; null while incomplete. */
function dechunk(buf: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let i = 0;
  for (;;) {
    const eol = buf.indexOf('\r\n', i);
    if (eol === -1) return null;
    const size = parseInt(buf.subarray(i, eol).toString('latin1'), 16);
    if (Number.isNaN(size)) throw new Error('bad chunk size');
    if (size === 0) return buf.indexOf(CRLF2, eol - 2) === -1 ? null : Buffer.concat(parts);
    if (buf.length < eol + 2 + size + 2) return null;
    parts.push(buf.subarray(eol + 2, eol + 2 + size));
    i = eol + 2 + size + 2;
  }
}

function serve(socket: Socket, received: Received[]): void {
  let buf = Buffer.alloc(0);
  let head: Omit<Received, 'body'> | null = null;
  let bodyStart = 0;
  const answer = (status: string) => {
    socket.end(`HTTP/1.1 ${status}\r\ncontent-type: text/plain\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok`);
  };
  socket.on('error', () => undefined);
  socket.on('data', (chunk: Buffer) => {
    buf = Buffer.concat([buf, chunk]);
    if (!head) {
      const end = buf.indexOf(CRLF2);
      if (end === -1) return;
      head = parseHead(buf.subarray(0, end));
      bodyStart = end + 4;
      if (!head) return answer('400 Bad Request');
    }
    const get = (n: string) => head!.headers.find((h) => h.name.toLowerCase() === n)?.value.toString('latin1');
    const rest = buf.subarray(bodyStart);
    let body: Buffer | null;
    if (/chunked/i.test(get('transfer-encoding') ?? '')) body = dechunk(rest);
    else {
      const len = Number(get('content-length') ?? 0);
      body = rest.length >= len ? rest.subarray(0, len) : null;
    }
    if (body === null) return;
    received.push({ ...head, body: Buffer.from(body) });
    answer('200 OK');
  });
}

/** Like startEchoServer, but any method and any header bytes reach the test unjudged. */
export async function startRawEchoServer(): Promise<EchoServer> {
  const received: Received[] = [];
  const server: Server = createServer((s) => serve(s, received));
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    reset: () => void received.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
