import express from 'express';
import request from 'supertest';
import { authentifier } from '../../src/auth/principal';
import type { Db } from '../../src/db/knex';
import { gestionnaireErreurs, Probleme } from '../../src/http/problemes';
import { type CadreDivulgation, Divulgation } from '../../src/privacy/divulgation';
import { normaliserLibelle } from '../../src/referentiels/texte';
import { ENTETES_CSV_JOURNAL } from '../../src/privacy/dpo';
import { demarrerAppDeTest, type AppDeTest } from '../support/app';
import * as horloge from '../../src/horloge';

const RENNES = '21350238800019';
const EDITEUR = '85274196300015';
const CAF = '53408918800013';

/** An operation of the registry (operations.json) and a scope its caller holds. */
interface Appel {
  operation: string;
  scope: string;
}

const OBLIGATION: Appel = { operation: 'EnfantsSoumisObligation', scope: 'mairie:obligation-scolaire' };
const RESTAURATION: Appel = { operation: 'EnfantsSoumisObligation', scope: 'mairie:restauration-scolaire' };
const LAUREATS: Appel = { operation: 'LaureatsBac', scope: 'examens:laureats-bourse-merite' };
const SCOLARITE: Appel = { operation: 'StatutEleve', scope: 'scolarite:statut' };

/** Pupils as the pupil database (030_eleves) holds them. */
async function inscrireEleves(db: Db, eleves: Array<{ id: string; nom: string; prenoms: string; date_naissance: string }>): Promise<void> {
  await db('eleves').insert(
    eleves.map((e, i) => ({
      ...e,
      ine: `0000000000${i}`.slice(-10) + 'A',
      sexe: 'F',
      code_commune_naissance: '35238',
      libelle_commune_naissance: 'Rennes',
      nom_normalise: normaliserLibelle(e.nom),
      foyer_id: `foyer-${e.id}`,
      adresse_ligne: '1 rue de test',
      code_postal: '35000',
      code_commune_residence: '35238',
    })),
  );
}

let t: AppDeTest;
let jetonDpo: string;
let requetes = 0;

/** A disclosure as an API controller makes it: principal from a real token, then the shared pipeline, every field of the mask sent. */
async function divulguer(clientId: string, appel: Appel, idsInternes: string[], cadre: CadreDivulgation = {}): Promise<string> {
  const principal = await authentifier(t.db, `Bearer ${await t.jeton(clientId)}`, [appel.scope]);
  const requestId = `requete-test-${++requetes}`;
  const divulgation = new Divulgation({ db: t.db, config: t.config }, principal, requestId, appel.operation, cadre);
  await divulgation.journaliser(idsInternes, divulgation.champs);
  return requestId;
}

function dpo(chemin: string) {
  return request(t.app).get(chemin).set('Authorization', `Bearer ${jetonDpo}`);
}

beforeAll(async () => {
  t = await demarrerAppDeTest();
  jetonDpo = await t.jeton('demo-operateur', 'dpo');
  await inscrireEleves(t.db, [
    { id: 'eleve-lea', nom: 'Le Gall', prenoms: 'Léa Marie', date_naissance: '2015-04-23' },
    { id: 'eleve-tom', nom: 'Martin', prenoms: 'Tom', date_naissance: '2011-09-02' },
    // Homonyms: same name, same birth date, two pupils.
    { id: 'eleve-jules-1', nom: 'Bernard', prenoms: 'Jules', date_naissance: '2012-01-15' },
    { id: 'eleve-jules-2', nom: 'BERNARD', prenoms: 'Jules Henri', date_naissance: '2012-01-15' },
  ]);
});
afterAll(() => t.fermer());

describe('rapport à la personne concernée (RGPD art. 15)', () => {
  const pourLea: Array<{ requestId: string; siret: string; finalite: string; operation: string }> = [];

  beforeAll(async () => {
    const obligation = await divulguer('demo-mairie-rennes', OBLIGATION, ['eleve-lea', 'eleve-tom'], {
      contexte: 'Contrôle mensuel',
      objet: 'Liste R131-3 de mars',
    });
    pourLea.push({ requestId: obligation, siret: RENNES, finalite: 'obligation_scolaire', operation: OBLIGATION.operation });
    const cantine = await divulguer('demo-editeur-restauration', RESTAURATION, ['eleve-lea']);
    pourLea.push({ requestId: cantine, siret: EDITEUR, finalite: 'restauration_scolaire', operation: RESTAURATION.operation });
    await divulguer('demo-caf-35', SCOLARITE, ['eleve-tom'], { objet: 'Allocation de rentrée scolaire' });
    await divulguer('demo-region-bretagne', LAUREATS, ['eleve-jules-1']);
  });

  it('lists exactly the disclosures made about the pupil: who received what, when, under which finalité', async () => {
    const rep = await dpo('/dpo/personnes/divulgations?idInterne=eleve-lea');
    expect(rep.status).toBe(200);
    expect(rep.body.id_interne).toBe('eleve-lea');
    expect(rep.body.nombre_communications).toBe(2);
    expect(
      rep.body.communications.map((c: Record<string, string>) => ({ requestId: c.request_id, siret: c.siret, finalite: c.finalite, operation: c.operation })),
    ).toEqual(pourLea);
    const [obligation, cantine] = rep.body.communications;
    expect(obligation).toMatchObject({
      destinataire_nom: 'Mairie de Rennes',
      api: 'api-mairie',
      finalite_libelle: "Contrôle de l'obligation d'instruction",
      contexte: 'Contrôle mensuel',
      objet: 'Liste R131-3 de mars',
      scopes: ['mairie:obligation-scolaire'],
    });
    expect(obligation.base_legale).toEqual(expect.any(String));
    expect(obligation.champs).toEqual(expect.arrayContaining(['nom', 'prenoms', 'adresse', 'responsables']));
    expect(cantine.champs).not.toContain('adresse');
    expect(rep.body.destinataires).toEqual([
      expect.objectContaining({ siret: RENNES, nom: 'Mairie de Rennes', finalites: ['obligation_scolaire'], nombre_communications: 1 }),
      expect.objectContaining({ siret: EDITEUR, finalites: ['restauration_scolaire'], nombre_communications: 1 }),
    ]);
  });

  it('finds the pupil from the identity in a letter, whatever the case, accents and hyphens', async () => {
    const rep = await dpo('/dpo/personnes/divulgations').query({ nom: 'LE-GALL', prenoms: 'lea', dateNaissance: '2015-04-23' });
    expect(rep.status).toBe(200);
    expect(rep.body.id_interne).toBe('eleve-lea');
    expect(rep.body.nombre_communications).toBe(2);
  });

  it('asks for the internal id when homonyms share the identity, naming nobody', async () => {
    const rep = await dpo('/dpo/personnes/divulgations').query({ nom: 'Bernard', prenoms: 'Jules', dateNaissance: '2012-01-15' });
    expect(rep.status).toBe(422);
    expect(rep.body).toMatchObject({ code: 'entite_non_traitable', nombre_correspondances: 2 });
    expect(rep.body.detail).toContain('idInterne');
    expect(JSON.stringify(rep.body)).not.toMatch(/Bernard|Jules|eleve-jules/i);
    // The full first names single one out.
    const precise = await dpo('/dpo/personnes/divulgations').query({ nom: 'Bernard', prenoms: 'Jules Henri', dateNaissance: '2012-01-15' });
    expect(precise.body).toMatchObject({ id_interne: 'eleve-jules-2', nombre_communications: 0 });
  });

  it('answers 404 for an unknown identity and 422 for a designation that mixes both ways', async () => {
    expect((await dpo('/dpo/personnes/divulgations').query({ nom: 'Inconnu', prenoms: 'Personne', dateNaissance: '2010-01-01' })).status).toBe(404);
    expect((await dpo('/dpo/personnes/divulgations').query({ idInterne: 'eleve-lea', nom: 'Le Gall' })).status).toBe(422);
    expect((await dpo('/dpo/personnes/divulgations').query({ nom: 'Le Gall' })).status).toBe(422);
  });

  it('is reserved to the dpo scope', async () => {
    const mairie = await t.jeton('demo-mairie-rennes');
    const rep = await request(t.app).get('/dpo/personnes/divulgations?idInterne=eleve-lea').set('Authorization', `Bearer ${mairie}`);
    expect(rep.status).toBe(403);
    expect((await request(t.app).get('/dpo/journal')).status).toBe(401);
  });
});

describe('journal des communications', () => {
  it('filters by recipient, API and finalité, and pages with a Link header until every entry was served once', async () => {
    const parRennes = await dpo(`/dpo/journal?siret=${RENNES}`);
    expect(parRennes.status).toBe(200);
    expect(parRennes.body.entrees.length).toBeGreaterThan(0);
    expect(parRennes.body.entrees.every((e: { siret: string }) => e.siret === RENNES)).toBe(true);
    const scolarite = await dpo('/dpo/journal?api=api-scolarite&finalite=droits_sociaux');
    expect(scolarite.body.entrees.map((e: { siret: string }) => e.siret)).toEqual([CAF]);

    const total = Number((await t.db('journal').count({ n: '*' }).first())?.n);
    const vus: number[] = [];
    let chemin: string | undefined = '/dpo/journal?limit=1';
    while (chemin) {
      const page = await dpo(chemin);
      expect(page.status).toBe(200);
      vus.push(...page.body.entrees.map((e: { sequence: number }) => e.sequence));
      chemin = /<([^>]+)>; rel="next"/.exec(page.headers.link ?? '')?.[1];
      expect(Boolean(chemin)).toBe(page.body.curseur_suivant !== null);
    }
    expect(vus).toEqual([...vus].sort((a, b) => b - a));
    expect(new Set(vus).size).toBe(total);
    expect(vus).toHaveLength(total);
  });

  it('filters by period, a day bound covering the whole day', async () => {
    const aujourdhui = horloge.aujourdhui();
    expect((await dpo(`/dpo/journal?du=${aujourdhui}&au=${aujourdhui}`)).body.entrees.length).toBeGreaterThan(0);
    expect((await dpo('/dpo/journal?au=2000-01-01')).body.entrees).toEqual([]);
    expect((await dpo('/dpo/journal?du=01/01/2026')).status).toBe(400);
    expect((await dpo('/dpo/journal?curseur=nimporte-quoi')).status).toBe(400);
  });

  it('exports CSV for French Excel: BOM, semicolons, French headers, one line per entry, SIRET kept as text', async () => {
    const rep = await dpo(`/dpo/journal.csv?siret=${RENNES}`)
      .buffer(true)
      .parse((res, fin) => {
        const morceaux: Buffer[] = [];
        res.on('data', (m: Buffer) => morceaux.push(m));
        res.on('end', () => fin(null, Buffer.concat(morceaux).toString('utf8')));
      });
    expect(rep.status).toBe(200);
    expect(rep.headers['content-type']).toMatch(/^text\/csv/);
    expect(rep.headers['content-disposition']).toContain('.csv');
    const texte = rep.body as string;
    expect(texte.startsWith('\uFEFF')).toBe(true);
    const lignes = texte
      .slice(1)
      .split('\r\n')
      .filter((l) => l !== '');
    expect(lignes[0]).toBe(ENTETES_CSV_JOURNAL.join(';'));
    expect(lignes[0]).toContain('Finalité');
    const attendues = (await dpo(`/dpo/journal?siret=${RENNES}&limit=1000`)).body.entrees.length;
    expect(lignes).toHaveLength(1 + attendues);
    expect(lignes[1]).toContain(`"=""${RENNES}"""`);
    expect(lignes[1]).toContain('Mairie de Rennes');

    const negocie = await dpo(`/dpo/journal?siret=${RENNES}`)
      .set('Accept', 'text/csv')
      .buffer(true)
      .parse((res, fin) => {
        let corps = '';
        res.setEncoding('utf8');
        res.on('data', (m: string) => (corps += m));
        res.on('end', () => fin(null, corps));
      });
    expect(negocie.headers['content-type']).toMatch(/^text\/csv/);
    expect(negocie.body).toBe(texte);
  });

  it('streams an export larger than one page, every entry exactly once', async () => {
    const principal = await authentifier(t.db, `Bearer ${await t.jeton('demo-caf-35')}`, ['scolarite:statut']);
    const divulgation = new Divulgation({ db: t.db, config: t.config }, principal, 'requete-volume', SCOLARITE.operation);
    await Promise.all(Array.from({ length: 2300 }, (_, i) => divulgation.journaliser([`eleve-volume-${i}`], divulgation.champs)));
    const rep = await dpo(`/dpo/journal.csv?siret=${CAF}`)
      .buffer(true)
      .parse((res, fin) => {
        let corps = '';
        res.setEncoding('utf8');
        res.on('data', (m: string) => (corps += m));
        res.on('end', () => fin(null, corps));
      });
    const numeros = (rep.body as string)
      .split('\r\n')
      .slice(1, -1)
      .map((l) => Number(l.split(';')[0]));
    expect(numeros).toHaveLength(2301);
    expect(new Set(numeros).size).toBe(2301);
  });
});

describe('intégrité et indisponibilité du journal', () => {
  it('reports an untouched chain, then names the entry altered in the database', async () => {
    const intacte = await dpo('/dpo/journal/verification');
    expect(intacte.status).toBe(200);
    expect(intacte.body).toMatchObject({ ok: true });
    expect(intacte.body.entrees).toBeGreaterThan(3);

    const cible = await t.db('journal').where('request_id', 'like', 'requete-test-%').orderBy('sequence').offset(1).first('sequence', 'objet');
    await t.db('journal').where('sequence', cible.sequence).update({ objet: 'Objet réécrit' });
    const alteree = await dpo('/dpo/journal/verification');
    expect(alteree.status).toBe(200);
    expect(alteree.body).toMatchObject({ ok: false, sequence: Number(cible.sequence), raison: 'altere' });
    expect(alteree.body.message).toContain(String(cible.sequence));
    await t.db('journal').where('sequence', cible.sequence).update({ objet: cible.objet });
    expect((await dpo('/dpo/journal/verification')).body.ok).toBe(true);
  });

  it('turns a journal failure into a 503 carrying none of the data', async () => {
    const principal = await authentifier(t.db, `Bearer ${await t.jeton('demo-mairie-rennes')}`, ['mairie:obligation-scolaire']);
    const divulgation = new Divulgation({ db: t.db, config: t.config }, principal, 'requete-en-panne', OBLIGATION.operation);
    // The same order as a controller: journal first, body after.
    const app = express();
    app.get('/donnees', async (_req, res, next) => {
      try {
        await divulgation.journaliser(['eleve-lea'], divulgation.champs);
        res.json({ enfants: [{ nom: 'Le Gall', prenoms: 'Léa Marie' }] });
      } catch (err) {
        next(err);
      }
    });
    app.use(gestionnaireErreurs);

    const avant = Number((await t.db('journal').count({ n: '*' }).first())?.n);
    await t.db.schema.renameTable('journal', 'journal_hors_service');
    try {
      await expect(divulgation.journaliser(['eleve-lea'], divulgation.champs)).rejects.toEqual(
        expect.objectContaining({ code: 'journal_indisponible', statut: 503 }),
      );
      await expect(divulgation.journaliser(['eleve-lea'], divulgation.champs)).rejects.toBeInstanceOf(Probleme);
      const rep = await request(app).get('/donnees');
      expect(rep.status).toBe(503);
      expect(rep.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(rep.headers['retry-after']).toBe('5');
      expect(rep.body.code).toBe('journal_indisponible');
      expect(rep.text).not.toMatch(/Le Gall|Léa|enfants/);
    } finally {
      await t.db.schema.renameTable('journal_hors_service', 'journal');
    }
    expect(Number((await t.db('journal').count({ n: '*' }).first())?.n)).toBe(avant);
    expect((await dpo('/dpo/journal/verification')).body.ok).toBe(true);
  });
});
