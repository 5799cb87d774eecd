import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { GRAINE_DEMO } from '../../../src/demarrage';
import { anneeScolaireDe } from '../../../src/referentiels/calendrier';
import { genererDonnees } from '../../../src/synthetique/generer-donnees';
import { demarrerAppDeTest, type AppDeTest } from '../../support/app';
import { requete } from './aide';

/** Where the README's demo pupils live: generating these communes alone yields the same households. */
const COMMUNES_DES_ELEVES = ['35024', '35047'];

const readme = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
const section = readme.split('## API données de scolarité')[1].split('\n## ')[0];
/** The day the README's demo base was created: the pupils below are those of that day's generation. */
const jourDocumente = /base créée le \*\*(\d{4}-\d{2}-\d{2})\*\*/.exec(section)![1];
const [rentree] = anneeScolaireDe(jourDocumente).split('-');
const identites = section
  .split('\n')
  .filter((l) => /^\| [^-|]/.test(l) && !l.startsWith('| nomNaissance'))
  .map((l) => {
    const [nom, prenoms, sexe, naissance, scolarite] = l
      .split('|')
      .slice(1, 6)
      .map((c) => c.trim());
    return { nom, prenoms, sexe: sexe as 'M' | 'F', date_naissance: naissance, scolarite };
  });
const requeteSql = /prepare\(process\.argv\[1\]\)\.all\(\)\)' "\n([\s\S]*?)"\n```/.exec(section)![1];

let t: AppDeTest;
let jeton: string;
beforeAll(async () => {
  t = await demarrerAppDeTest({ LIMITE_REQUETES_PAR_SECONDE: '10000' }, { communes: ['35024'], echelle: 0.01 });
  await genererDonnees(t.db, { communes: COMMUNES_DES_ELEVES, seed: GRAINE_DEMO, aujourdhui: jourDocumente });
  jeton = await t.jeton('demo-caf-35');
}, 120_000);
afterAll(() => t.fermer());

describe('README : élèves de démonstration de l’API données de scolarité', () => {
  it('lists three identities', () => {
    expect(identites).toHaveLength(3);
  });

  it.each(identites)('$nom $prenoms is found by the demo CAF client, as described', async (eleve) => {
    const rep = await request(t.app)
      .get(requete(eleve, { prenoms: eleve.prenoms.split(' '), anneeScolaire: rentree }))
      .set('Authorization', `Bearer ${jeton}`)
      .expect(200);
    expect(rep.body.etablissement.uai).toBe(/\((\d{7}[A-Z])\)/.exec(eleve.scolarite)![1]);
    expect(rep.body.est_boursier).toBe(!/non boursi/.test(eleve.scolarite));
    const echelon = /échelon (\d)/.exec(eleve.scolarite);
    expect(rep.body.echelon_bourse).toBe(echelon ? Number(echelon[1]) : null);
  });

  it('the documented query finds pupils that the API then finds, whatever the year', async () => {
    const resultat = await t.db.raw(requeteSql);
    const lignes = (Array.isArray(resultat) ? resultat : resultat.rows) as Array<{
      nom: string;
      prenoms: string;
      sexe: 'M' | 'F';
      date_naissance: string;
      annee_scolaire: string;
      uai: string;
    }>;
    expect(lignes.length).toBeGreaterThan(0);
    const statuts = [];
    for (const l of lignes) {
      const rep = await request(t.app)
        .get(requete(l, { prenoms: l.prenoms.split(' '), anneeScolaire: l.annee_scolaire, codesDepartements: undefined, codeEtablissement: l.uai }))
        .set('Authorization', `Bearer ${jeton}`);
      statuts.push(rep.status === 422 ? rep.body.code : rep.status);
    }
    expect(statuts.every((s) => s === 200 || s === 'identite_ambigue')).toBe(true);
    expect(statuts).toContain(200);
  });
});
