import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * A private D-Bus session bus with a desktop notification server on it (desktop-notification-server.py), for a
 * Chromium launched with its address: the test sees each notification as the person would (title and text) and
 * clicks it the way the desktop does (the server's ActionInvoked signal), so chrome.notifications.onClicked is
 * dispatched by Chromium itself, not by the test.
 */
export interface DesktopNotification {
  id: number;
  title: string;
  body: string;
}

export interface DesktopNotifications {
  /** Environment for the browser: the private bus's address. */
  env: Record<string, string>;
  /** Every notification shown, in order (a notification shown again appears again). */
  shown: DesktopNotification[];
  click(id: number): Promise<void>;
  close(): Promise<void>;
}

const SERVER = resolve('tests/e2e/support/desktop-notification-server.py');
const PYTHON = process.env.PYTHON_GI ?? '/usr/bin/python3';
const DBUS_DAEMON = process.env.DBUS_DAEMON ?? '/usr/bin/dbus-daemon';

function lines(child: ChildProcessWithoutNullStreams, onLine: (line: string) => void): void {
  createInterface({ input: child.stdout }).on('line', onLine);
}

function firstLine(child: ChildProcessWithoutNullStreams, what: string, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolveLine, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within ${timeoutMs} ms`)), timeoutMs);
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += String(d)));
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}): ${err}`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      resolveLine(line);
    });
  });
}

export async function startDesktopNotifications(): Promise<DesktopNotifications> {
  if (!existsSync(DBUS_DAEMON)) throw new Error(`No dbus-daemon at ${DBUS_DAEMON}: install Debian's dbus-daemon or set DBUS_DAEMON.`);
  if (!existsSync(PYTHON)) throw new Error(`No python3 at ${PYTHON}: install Debian's python3-gi or set PYTHON_GI.`);
  const bus = spawn(DBUS_DAEMON, ['--session', '--nofork', '--nopidfile', '--print-address=1']);
  const address = (await firstLine(bus, 'dbus-daemon')).trim();
  const env = { DBUS_SESSION_BUS_ADDRESS: address };
  const server = spawn(PYTHON, [SERVER], { env: { ...process.env, ...env } });
  const ready = firstLine(server, 'The desktop notification server (python3-gi)');
  const shown: DesktopNotification[] = [];
  const clicked = new Map<number, () => void>();
  lines(server, (line) => {
    const event = JSON.parse(line) as { event: string; id?: number; summary?: string; body?: string };
    if (event.event === 'notify' && event.id !== undefined) shown.push({ id: event.id, title: event.summary ?? '', body: event.body ?? '' });
    if (event.event === 'clicked' && event.id !== undefined) clicked.get(event.id)?.();
  });
  if (JSON.parse(await ready).event !== 'ready') throw new Error('The desktop notification server did not own org.freedesktop.Notifications');
  return {
    env,
    shown,
    click: (id) =>
      new Promise<void>((done) => {
        clicked.set(id, done);
        server.stdin.write(`click ${id}\n`);
      }),
    close: async () => {
      server.kill();
      bus.kill();
    },
  };
}
