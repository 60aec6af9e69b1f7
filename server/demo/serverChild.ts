// Demo mode's server process. main.ts forks it with NODE_EXTRA_CA_CERTS pointing at the emulator's
// certificate (Node reads that variable only at start), then sends the configuration over IPC so
// the demo app secret is never put in the environment or on a command line.
import type { AppConfig } from '../config/index.js';
import { runServer } from '../runServer.js';

export type ParentMessage = {
  readonly type: 'config';
  readonly config: AppConfig;
  /** ISO time the server's clock starts at (demo with --records); the real time when absent. */
  readonly clockStart?: string;
};
export type ChildMessage = { readonly type: 'listening'; readonly port: number } | { readonly type: 'failed'; readonly message: string };

const send = (message: ChildMessage) => process.send?.(message);

process.once('message', (message: ParentMessage) => {
  if (message?.type !== 'config') return;
  runServer(message.config, message.clockStart ? { now: clockFrom(new Date(message.clockStart)) } : {}).then(
    (started) => {
      send({ type: 'listening', port: started.running.port });
      // The supervisor went away without stopping us: do not linger as an orphan.
      process.once('disconnect', () => void started.stop('demo supervisor exited'));
      void started.stopped.then(() => process.exit(0));
    },
    (error: unknown) => {
      send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
      process.exitCode = 1;
      process.disconnect?.();
    },
  );
});

/** A clock that starts at `start` and runs on in real time. */
function clockFrom(start: Date): () => Date {
  const offset = start.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}
