import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FICHIER_ANNUAIRE_DEMO } from '../../src/import/annuaire';
import { createDb } from '../../src/db/knex';
import { nouvelleBase } from '../support/base';

const racine = path.resolve(__dirname, '../..');
let base: Awaited<ReturnType<typeof nouvelleBase>>;
beforeAll(async () => {
  base = await nouvelleBase();
});
afterAll(() => base.supprimer());

function lancer(...args: string[]): Promise<{ code: number; sortie: string; erreurs: string }> {
  return new Promise((fin) => {
    execFile(
      path.join(racine, 'node_modules/.bin/tsx'),
      ['scripts/import-annuaire.ts', ...args],
      { cwd: racine, env: { ...process.env, DATABASE_URL: base.url } },
      (erreur, sortie, erreurs) => fin({ code: erreur ? Number(erreur.code) : 0, sortie, erreurs }),
    );
  });
}

const lignes = fs.readFileSync(FICHIER_ANNUAIRE_DEMO, 'utf8').split('\r\n').slice(1).filter(Boolean);
const uaisDistincts = new Set(lignes.map((l) => l.split(';')[0])).size;

describe('npx tsx scripts/import-annuaire.ts <fichier.csv>', () => {
  it('migrates the database, imports the file and prints the report in French', async () => {
    const { code, sortie } = await lancer(FICHIER_ANNUAIRE_DEMO);

    expect(code).toBe(0);
    expect(sortie).toContain(`Établissements importés : ${uaisDistincts}\n`);
    expect(sortie).toContain(`Lignes rejetées : ${lignes.length - uaisDistincts}\n`);
    expect(sortie).toMatch(/^ {2}ligne \d+ \(UAI \d{7}[A-Z]\) : UAI déjà présent ligne \d+/m);
    const db = createDb(base.url);
    try {
      const { n } = (await db('etablissements').count({ n: '*' }).first())!;
      expect(Number(n)).toBe(uaisDistincts);
    } finally {
      await db.destroy();
    }
  }, 15000);

  it('exits with 1 and says so when the file cannot be read', async () => {
    const { code, erreurs } = await lancer(path.join(os.tmpdir(), 'annuaire-absent.csv'));

    expect(code).toBe(1);
    expect(erreurs).toMatch(/Impossible de lire le fichier/);
  }, 15000);
});
