/**
 * The real server (`node dist/src/server.js`, or tsx on the sources when not built) in a child
 * process, on a free loopback port and a fresh database pre-seeded with the test perimeter.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { chargerConfig } from '../../src/config';
import { preparerBase } from '../../src/demarrage';
import { nouvelleBase } from '../support/base';
import { PERIMETRE_TEST } from '../support/app';

const RACINE = path.join(__dirname, '..', '..');

export interface ServeurReel {
  url: string;
  databaseUrl: string;
  processus: ChildProcess;
  /** Resolves with the exit code (or the signal name) when the process ends. */
  fin: Promise<number | string>;
  /** Lines the server wrote on stderr/stdout (JSON logs). */
  sortie: string[];
  /** Stops the process if still running, then drops the database. */
  fermer: () => Promise<void>;
}

export async function portLibre(): Promise<number> {
  return new Promise((ok, ko) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => ok(port));
    });
    s.on('error', ko);
  });
}

function commande(): [string, string[]] {
  const compile = path.join(RACINE, 'dist', 'src', 'server.js');
  // tsx's loader inside node itself, not the tsx command: that one runs the server in a child process, which a SIGKILL would orphan.
  return [process.execPath, fs.existsSync(compile) ? [compile] : ['--import', 'tsx', path.join(RACINE, 'src', 'server.ts')]];
}

export async function attendrePret(url: string, delaiMs = 90_000): Promise<void> {
  const limite = Date.now() + delaiMs;
  for (;;) {
    try {
      const rep = await fetch(`${url}/health/ready`);
      if (rep.status === 200) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > limite) throw new Error(`le serveur ${url} n'est pas prêt après ${delaiMs} ms`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

/** A database already holding the demo registry and the small test perimeter: the server skips its long first-start seeding. */
export async function basePreparee(): Promise<{ url: string; supprimer: () => Promise<void> }> {
  const base = await nouvelleBase();
  const db = await preparerBase(chargerConfig({ NODE_ENV: 'test', DATABASE_URL: base.url }), { perimetreDemo: PERIMETRE_TEST });
  await db.destroy();
  return base;
}

export async function demarrerServeurReel(env: Record<string, string> = {}, base?: { url: string; supprimer: () => Promise<void> }): Promise<ServeurReel> {
  const b = base ?? (await basePreparee());
  const port = await portLibre();
  const [exe, args] = commande();
  const processus = spawn(exe, args, {
    cwd: RACINE,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      DATABASE_URL: b.url,
      URL_PUBLIQUE: `http://127.0.0.1:${port}`,
      LIMITE_REQUETES_PAR_SECONDE: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sortie: string[] = [];
  for (const flux of [processus.stdout!, processus.stderr!]) flux.on('data', (m: Buffer) => sortie.push(...m.toString().split('\n').filter(Boolean)));
  const fin = new Promise<number | string>((ok) => processus.once('exit', (code, signal) => ok(code ?? signal ?? -1)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await Promise.race([
      attendrePret(url),
      fin.then((c) => {
        throw new Error(`le serveur s'est arrêté (${c}) : ${sortie.slice(-5).join('\n')}`);
      }),
    ]);
  } catch (err) {
    processus.kill('SIGKILL');
    await b.supprimer();
    throw err;
  }
  return {
    url,
    databaseUrl: b.url,
    processus,
    fin,
    sortie,
    fermer: async () => {
      if (processus.exitCode === null && processus.signalCode === null) {
        processus.kill('SIGKILL');
        await fin;
      }
      await b.supprimer();
    },
  };
}
