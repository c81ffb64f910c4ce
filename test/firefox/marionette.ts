import { Socket, connect } from 'node:net';

// A minimal client for Firefox's built-in remote protocol, Marionette (what geckodriver speaks).
// Frames are `<byte length>:<JSON>`; a command is [0, id, name, params], its reply
// [1, id, error | null, result]. https://firefox-source-docs.mozilla.org/testing/marionette/Protocol.html

export class MarionetteError extends Error {
  constructor(
    readonly command: string,
    readonly error: string,
    message: string,
  ) {
    super(`${command}: ${error}: ${message}`);
  }
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; command: string };

export class Marionette {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private hello: ((v: unknown) => void) | null = null;
  private closed: Error | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk) => this.receive(chunk));
    const fail = (why: string) => {
      this.closed = new Error(`Marionette connection ${why}`);
      for (const p of this.pending.values()) p.reject(this.closed);
      this.pending.clear();
    };
    socket.on('close', () => fail('closed'));
    socket.on('error', (e) => fail(`failed: ${e.message}`));
  }

  /** Connects and reads the server's greeting ({ applicationType, marionetteProtocol }). */
  static async connect(port: number, host = '127.0.0.1'): Promise<Marionette> {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = connect({ port, host }, () => resolve(s));
      s.once('error', reject);
    });
    const client = new Marionette(socket);
    await new Promise((resolve) => (client.hello = resolve));
    return client;
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(0x3a);
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString('ascii'));
      if (this.buffer.length < colon + 1 + length) return;
      const body = this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8');
      this.buffer = this.buffer.subarray(colon + 1 + length);
      const message = JSON.parse(body) as unknown;
      if (this.hello && !Array.isArray(message)) {
        const h = this.hello;
        this.hello = null;
        h(message);
        continue;
      }
      const [, id, error, result] = message as [number, number, { error: string; message: string } | null, unknown];
      const p = this.pending.get(id);
      if (!p) continue;
      this.pending.delete(id);
      if (error) p.reject(new MarionetteError(p.command, error.error, error.message));
      else p.resolve(result);
    }
  }

  send<T = unknown>(command: string, params: Record<string, unknown> = {}): Promise<T> {
    if (this.closed) return Promise.reject(this.closed);
    const id = this.nextId++;
    const body = Buffer.from(JSON.stringify([0, id, command, params]), 'utf8');
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, command });
      this.socket.write(`${body.length}:`);
      this.socket.write(body);
    });
  }

  /**
   * Runs `body` (an async function body; `arguments` are `args`) in the current context and
   * returns what it resolves to (Marionette awaits a returned promise).
   */
  async execute<T = unknown>(body: string, args: unknown[] = []): Promise<T> {
    const script = `return (async function () {\n${body}\n}).apply(this, arguments);`;
    const reply = await this.send<{ value: T }>('WebDriver:ExecuteScript', { script, args });
    return reply.value;
  }

  close(): void {
    this.socket.destroy();
  }
}
