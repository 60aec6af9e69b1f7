// A loopback port nobody is listening on right now, for child processes that need a fixed port
// on their command line (in-process servers should listen on port 0 instead).
import { createServer } from 'node:net';

// Ports already handed out in this test file: the OS may offer a just-closed port again, and two
// children given the same port would fail to start.
const handedOut = new Set<number>();

export async function freePort(): Promise<number> {
  for (;;) {
    const server = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}
