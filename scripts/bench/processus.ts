import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';

/** A server under test: a child process, its log file and its port on 127.0.0.1. */
export interface ServeurEnfant {
  processus: ChildProcess;
  url: string;
  arreter(): Promise<void>;
}

/** Starts `node [...argsNode] <script>` with `env`, logs to `journal`, and waits until `cheminSante` answers. */
export async function demarrer(
  script: string,
  env: Record<string, string>,
  journal: string,
  cheminSante: string,
  options: { delaiMaxMs?: number; argsNode?: string[] } = {},
): Promise<ServeurEnfant> {
  const delaiMaxMs = options.delaiMaxMs ?? 300_000;
  const sortie = fs.openSync(journal, 'a');
  const processus = spawn(process.execPath, [...(options.argsNode ?? []), script], { env: { ...process.env, ...env }, stdio: ['ignore', sortie, sortie] });
  fs.closeSync(sortie);
  const url = `http://127.0.0.1:${env.PORT}`;
  const fin = new Promise<void>((resolve) => processus.once('exit', () => resolve()));
  const debut = Date.now();
  for (;;) {
    if (processus.exitCode !== null) throw new Error(`${script} s'est arrêté (code ${processus.exitCode}) : voir ${journal}`);
    try {
      if ((await fetch(url + cheminSante)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - debut > delaiMaxMs) throw new Error(`${script} ne répond pas après ${delaiMaxMs} ms : voir ${journal}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    processus,
    url,
    arreter: async () => {
      if (processus.exitCode === null) processus.kill('SIGTERM');
      await fin;
    },
  };
}

/** VmRSS and VmHWM (peak) of a process, in MB, from /proc (Linux). */
export function memoire(pid: number): { rssMo: number; picMo: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const ko = (cle: string) => Number(new RegExp(`^${cle}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMo: ko('VmRSS') / 1024, picMo: ko('VmHWM') / 1024 };
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux; clock ticks of 10 ms). */
function tempsCpuMs(pid: number): number {
  // Fields after the command name, which is parenthesised and may contain spaces: utime and stime are the 14th and 15th.
  const champs = fs
    .readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /s, '')
    .split(' ');
  return ((Number(champs[11]) + Number(champs[12])) * 1000) / 100;
}

/** The same for a process and its children (node:cluster workers are children of the primary). */
export function tempsCpuArbreMs(pid: number): number {
  let total = tempsCpuMs(pid);
  for (const entree of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entree) || Number(entree) === pid) continue;
    try {
      const stat = fs
        .readFileSync(`/proc/${entree}/stat`, 'utf8')
        .replace(/^.*\) /s, '')
        .split(' ');
      if (Number(stat[1]) === pid) total += tempsCpuMs(Number(entree));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}
