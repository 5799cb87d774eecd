/**
 * Preloaded by `npm run bench:comparer` into the measured gateway (`node --require`, bench only):
 * counts the statements each process sends through the `pg` client, by SQL text, and writes the
 * counts to INSTRUCTIONS_DOSSIER/<pid>.json twice a second and on exit.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const comptes = new Map<string, number>();
const envoyer = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const config = args[0] as string | { text?: string };
  const texte = (typeof config === 'string' ? config : config?.text) ?? '?';
  const cle = texte.replace(/\s+/g, ' ').trim().slice(0, 90);
  comptes.set(cle, (comptes.get(cle) ?? 0) + 1);
  return envoyer.apply(this, args);
} as typeof pg.Client.prototype.query;

const dossier = process.env.INSTRUCTIONS_DOSSIER;
if (dossier) {
  const fichier = path.join(dossier, `${process.pid}.json`);
  // Written aside then renamed: the bench never reads half a file.
  const ecrire = () => {
    fs.writeFileSync(`${fichier}.part`, JSON.stringify(Object.fromEntries(comptes)));
    fs.renameSync(`${fichier}.part`, fichier);
  };
  setInterval(ecrire, 500).unref();
  process.on('exit', ecrire);
}
