import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** A running `node dist/server/start.js`, with its output and the URL it listens on. */
export interface ServerProcess {
  child: ChildProcessWithoutNullStreams;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the built server entry on a random port and waits until it listens. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['dist/server/start.js'], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout.on('data', (chunk) => (text += String(chunk)));
  child.stderr.on('data', (chunk) => (text += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    // Generous: on a loaded machine the server may take long to start; it fails fast if it exits instead.
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${text}`)), 180_000);
    const check = () => {
      const match = /listening on (http:\/\/[\d.:]+)/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${text}`));
    });
  });
  return { child, url, output: () => text, exited };
}
