import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { genererResultatsExamens, type BilanResultatsExamens } from '../../../src/synthetique/resultats-examens';
import { aujourdhui } from '../../../src/horloge';
import { demarrerAppDeTest, type AppDeTest } from '../../support/app';

/**
 * The regional merit grant: only the laureates of the région who consented to that région, checked
 * at every call; every answer journaled once; operators record and withdraw consents (API, CLI).
 */

const BRETAGNE = '23350001600016';
const FINALITE = 'bourse_merite_regionale';

interface Laureat {
  id: string;
  nom: string;
  prenoms: string;
  date_naissance: string;
  etablissement: { uai: string };
  mention: { code: string };
  adresse_contact?: unknown;
}

let t: AppDeTest;
let bilan: BilanResultatsExamens;
let region: string;
let operateur: string;

beforeAll(async () => {
  t = await demarrerAppDeTest({ LIMITE_REQUETES_PAR_SECONDE: '100000' });
  bilan = await genererResultatsExamens(t.db, { seed: 42 });
  region = await t.jeton('demo-region-bretagne');
  operateur = await t.jeton('demo-operateur');
});
afterAll(() => t?.fermer());

function laureats(query: string, jeton = region): request.Test {
  return request(t.app).get(`/api-resultats-examens/v1/sessions/${bilan.sessionCourante}/examens/bac/laureats${query}`).set('Authorization', `Bearer ${jeton}`);
}

/** Every page, following the cursor. */
async function tousLesLaureats(mentionMinimale: string, limit = 7): Promise<{ laureats: Laureat[]; exclus: number; pages: number }> {
  const tous: Laureat[] = [];
  let curseur: string | null = null;
  let exclus: number;
  let pages = 0;
  do {
    const rep: request.Response = await laureats(`?mentionMinimale=${mentionMinimale}&limit=${limit}${curseur ? `&curseur=${curseur}` : ''}`);
    expect(rep.status).toBe(200);
    expect(rep.headers['cache-control']).toBe('no-store');
    if (rep.body.curseur_suivant) expect(rep.headers.link).toContain(`curseur=${rep.body.curseur_suivant}`);
    tous.push(...rep.body.laureats);
    exclus = rep.body.nombre_exclus_sans_consentement;
    curseur = rep.body.curseur_suivant;
    pages++;
  } while (curseur);
  return { laureats: tous, exclus, pages };
}

/** Independent SQL: laureates of Bretagne's establishments, split by a valid consent to Bretagne today. */
async function attendus(mentions: string[]) {
  const jour = aujourdhui();
  const lignes: Array<{ nom: string; prenoms: string; date_naissance: string; portee: string | null }> = await t
    .db('candidats_examens as c')
    .join('etablissements as e', 'e.uai', 'c.uai')
    .join('eleves as el', 'el.id', 'c.eleve_id')
    .leftJoin('consentements as k', function () {
      this.on('k.personne_id', 'c.eleve_id')
        .andOnVal('k.finalite_code', FINALITE)
        .andOnVal('k.siret', BRETAGNE)
        .andOnVal('k.date_recueil', '<=', jour)
        .andOnVal('k.date_expiration', '>=', jour)
        .andOn(function () {
          this.onNull('k.date_retrait').orOnVal('k.date_retrait', '>', jour);
        });
    })
    .where({ 'c.session': bilan.sessionCourante, 'c.examen': 'bac', 'c.admis': true, 'e.code_region': '53' })
    .whereIn('c.mention', mentions)
    .select('el.nom', 'el.prenoms', 'el.date_naissance', 'k.portee');
  const cle = (l: { nom: string; prenoms: string; date_naissance: string }) => `${l.nom}|${l.prenoms}|${l.date_naissance}`;
  return {
    consentants: lignes
      .filter((l) => l.portee !== null)
      .map(cle)
      .sort(),
    avecAdresse: lignes
      .filter((l) => l.portee !== null && JSON.parse(l.portee).adresse_contact === true)
      .map(cle)
      .sort(),
    exclus: lignes.filter((l) => l.portee === null).length,
    cle,
  };
}

describe('liste des lauréats consentants', () => {
  it('contains exactly the consenting laureates of the région, counts the others, and gives the address only where consented', async () => {
    for (const [mentionMinimale, mentions] of [
      ['TB', ['TB', 'TBF']],
      ['AB', ['AB', 'B', 'TB', 'TBF']],
    ] as const) {
      const a = await attendus([...mentions]);
      const { laureats: recus, exclus, pages } = await tousLesLaureats(mentionMinimale);
      expect(a.consentants.length).toBeGreaterThan(0);
      expect(recus.map(a.cle).sort()).toEqual(a.consentants);
      expect(exclus).toBe(a.exclus);
      expect(
        recus
          .filter((l) => l.adresse_contact !== undefined)
          .map(a.cle)
          .sort(),
      ).toEqual(a.avecAdresse);
      expect(new Set(recus.map((l) => l.id)).size).toBe(recus.length);
      for (const l of recus) expect(mentions).toContain(l.mention.code);
      if (mentionMinimale === 'AB') expect(pages).toBeGreaterThan(1);
    }
  });

  it('gives pseudonymous ids, never the internal ones, and only the fields of the scope', async () => {
    const rep = await laureats('?limit=1000');
    const internes = new Set((await t.db('eleves').select('id', 'ine')).flatMap((e: { id: string; ine: string }) => [e.id, e.ine]));
    for (const l of rep.body.laureats as Laureat[]) {
      expect(internes.has(l.id)).toBe(false);
      expect(Object.keys(l).every((k) => ['id', 'nom', 'prenoms', 'date_naissance', 'etablissement', 'serie', 'mention', 'adresse_contact'].includes(k))).toBe(
        true,
      );
    }
  });

  it('writes one journal entry per 200, naming the persons sent', async () => {
    const avant = Number((await t.db('journal').max({ s: 'sequence' }).first())?.s ?? 0);
    const rep = await laureats('?mentionMinimale=B&limit=5');
    expect(rep.status).toBe(200);
    const entrees = await t.db('journal').where('sequence', '>', avant).select('api', 'operation', 'siret', 'finalite', 'nombre_personnes', 'request_id');
    expect(entrees).toEqual([
      {
        api: 'api-resultats-examens',
        operation: 'LaureatsBac',
        siret: BRETAGNE,
        finalite: FINALITE,
        nombre_personnes: rep.body.laureats.length,
        request_id: rep.headers['x-request-id'],
      },
    ]);
  });

  it('is refused to a département or a commune client (403), who cannot even obtain the scope', async () => {
    for (const client of ['demo-departement-35', 'demo-mairie-rennes']) {
      const jeton = await t.jeton(client);
      const rep = await laureats('?mentionMinimale=TB', jeton);
      expect([client, rep.status, rep.body.code]).toEqual([client, 403, 'scope_insuffisant']);
      expect(rep.body.laureats).toBeUndefined();
      const demande = await request(t.app)
        .post('/oauth/token')
        .auth(client, `demo-secret-${client.slice('demo-'.length)}`)
        .type('form')
        .send({ grant_type: 'client_credentials', scope: 'examens:laureats-bourse-merite' });
      expect(demande.status).toBe(400);
    }
  });

  it('answers 404 for a session with aggregates only, 400 for a bad mention or cursor', async () => {
    const rep = await request(t.app)
      .get(`/api-resultats-examens/v1/sessions/${bilan.sessionCourante - 1}/examens/bac/laureats`)
      .set('Authorization', `Bearer ${region}`);
    expect(rep.status).toBe(404);
    expect((await laureats('?mentionMinimale=XX')).status).toBe(400);
    expect((await laureats('?curseur=%%%')).status).toBe(400);
  });
});

describe('consentements (opérateurs)', () => {
  function admin(chemin: string, corps: object): request.Test {
    return request(t.app).post(`/admin/consentements${chemin}`).set('Authorization', `Bearer ${operateur}`).send(corps);
  }

  async function unConsentant(): Promise<{ id: string; ine: string; cle: string }> {
    const l = await t
      .db('consentements as k')
      .join('eleves as el', 'el.id', 'k.personne_id')
      .where({ 'k.finalite_code': FINALITE, 'k.siret': BRETAGNE })
      .whereNull('k.date_retrait')
      .orderBy('k.id')
      .first('el.id', 'el.ine', 'el.nom', 'el.prenoms', 'el.date_naissance');
    return { id: l.id, ine: l.ine, cle: `${l.nom}|${l.prenoms}|${l.date_naissance}` };
  }

  it('honours a withdrawal on the next call, and a new consent likewise', async () => {
    const eleve = await unConsentant();
    const cle = (l: Laureat) => `${l.nom}|${l.prenoms}|${l.date_naissance}`;
    const avant = await tousLesLaureats('AB', 1000);
    expect(avant.laureats.map(cle)).toContain(eleve.cle);

    const retrait = await admin('/retraits', { id_interne: eleve.id, finalite: FINALITE, siret: BRETAGNE });
    expect(retrait.status).toBe(200);
    expect(retrait.body).toEqual({ consentements_retires: 1 });
    const apres = await tousLesLaureats('AB', 1000);
    expect(apres.laureats.map(cle)).not.toContain(eleve.cle);
    expect(apres.exclus).toBe(avant.exclus + 1);

    const jour = aujourdhui();
    const nouveau = await admin('', {
      ine: eleve.ine,
      finalite: FINALITE,
      siret: BRETAGNE,
      portee: { adresse_contact: false },
      date_recueil: jour,
      date_expiration: `${Number(jour.slice(0, 4)) + 1}${jour.slice(4)}`,
      origine: 'courrier_eleve',
    });
    expect(nouveau.status).toBe(201);
    expect(nouveau.body).toEqual({ id: expect.any(Number), id_interne: eleve.id });
    const retour = (await tousLesLaureats('AB', 1000)).laureats.find((l) => cle(l) === eleve.cle);
    expect(retour).toBeDefined();
    expect(retour!.adresse_contact).toBeUndefined();
  });

  it('refuses an unknown pupil, a pupil named twice, a finalité without consent, a non-operator', async () => {
    const eleve = await unConsentant();
    const corps = { finalite: FINALITE, siret: BRETAGNE, date_recueil: '2026-07-01', date_expiration: '2027-06-30', origine: 'formulaire_demande_bourse' };
    expect((await admin('', { ...corps, ine: '000000000ZZ' })).status).toBe(404);
    expect((await admin('', { ...corps, ine: eleve.ine, id_interne: eleve.id })).status).toBe(422);
    expect((await admin('', { ...corps, id_interne: eleve.id, finalite: 'pilotage_educatif' })).status).toBe(422);
    expect((await admin('', { ...corps, id_interne: eleve.id, date_expiration: '2026-01-01' })).status).toBe(400);
    const refus = await request(t.app)
      .post('/admin/consentements')
      .set('Authorization', `Bearer ${region}`)
      .send({ ...corps, id_interne: eleve.id });
    expect(refus.status).toBe(403);
  });

  it('CLI: consentement:retirer then consentement:enregistrer act on the same registry', async () => {
    const eleve = await unConsentant();
    const cli = (args: string[]) =>
      promisify(execFile)('npx', ['tsx', 'scripts/cli.ts', ...args], {
        cwd: path.join(__dirname, '..', '..', '..'),
        env: { ...process.env, DATABASE_URL: t.config.databaseUrl, LOG_LEVEL: 'silent' },
      });
    const commun = ['--finalite', FINALITE, '--siret', BRETAGNE];
    const retrait = await cli(['consentement:retirer', '--ine', eleve.ine, ...commun]);
    expect(JSON.parse(retrait.stdout)).toEqual({ consentements_retires: 1 });
    expect((await tousLesLaureats('AB', 1000)).laureats.map((l) => `${l.nom}|${l.prenoms}|${l.date_naissance}`)).not.toContain(eleve.cle);

    const jour = aujourdhui();
    await cli([
      'consentement:enregistrer',
      '--id-interne',
      eleve.id,
      ...commun,
      '--recueil',
      jour,
      '--expiration',
      `${Number(jour.slice(0, 4)) + 1}${jour.slice(4)}`,
      '--origine',
      'guichet',
      '--adresse-contact',
    ]);
    const retour = (await tousLesLaureats('AB', 1000)).laureats.find((l) => `${l.nom}|${l.prenoms}|${l.date_naissance}` === eleve.cle);
    expect(retour?.adresse_contact).toBeDefined();
  }, 60_000);
});
