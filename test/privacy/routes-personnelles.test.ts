/**
 * Every operation of the published contract opened by a personal-data scope (scopes.json:
 * `donnees_personnelles: true`) must journal each successful call: exactly one entry naming its
 * API and operation. This test fails while such an operation has no entry in APPELS below.
 *
 * Adding a personal-data route? Add one entry to APPELS, keyed by its operationId in
 * openapi/openapi.json (about five lines):
 *
 *   ListeObligationScolaire: {
 *     client: 'demo-mairie-rennes',
 *     appeler: (app, jeton) => request(app).get('/api-mairie/v1/communes/35238/enfants').set('Authorization', `Bearer ${jeton}`),
 *     enregistrements: (corps) => corps.enfants,
 *   },
 *
 * The journal entry must carry the API of the scope (scopes.json `api_id`) and, as operation,
 * the operationId — or the name given in `operation` when the controller journals another one —
 * and, as `champs`, exactly the leaf paths present in the response's records.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { readJson } from '../../src/db/knex';
import scopes from '../../src/registry/data/scopes.json';
import { emettreJeton } from '../../src/apis/mairie/jeton-synchronisation';
import { emettreJeton as emettreJetonListe, VALIDITE_MOIS } from '../../src/listes/jeton-synchronisation';
import { aujourdhui } from '../../src/horloge';
import { ajouterMoisMemeJour } from '../../src/referentiels/calendrier';
import { CLIENTS_DEMO } from '../../src/demo/demo';
import type { Contexte } from '../../src/contexte';
import { demarrerAppDeTest, type AppDeTest } from '../support/app';
import { requete, temoins } from '../apis/scolarite/aide';
import { genererResultatsExamens } from '../../src/synthetique/resultats-examens';

interface AppelDemo {
  /** A demo client (README table) whose habilitations open the operation. */
  client: string;
  /** One valid call; the token carries every scope of that client. */
  appeler: (app: Express, jeton: string) => PromiseLike<request.Response>;
  /** Operation name written in the journal, when it is not the operationId. */
  operation?: string;
  /** The records about persons the response carries: the journal's `champs` must be their fields. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route's body has its own shape, read as a client reads JSON
  enregistrements: (corps: any) => unknown[];
}

/** The public establishment of this type with the longest list of this kind (demo data follow the seed and the date). */
async function etablissementDeLaListe(app: Express, liste: string, type: string): Promise<string> {
  const { db } = app.locals.contexte as Contexte;
  const ligne = await db('liste_publications as p')
    .join('etablissements as e', 'e.uai', 'p.cle')
    .where({ 'p.liste': liste, 'e.type': type, 'e.statut': 'public' })
    .orderBy([{ column: 'p.nombre_total', order: 'desc' }, 'p.cle'])
    .first('p.cle');
  return ligne.cle;
}

/** A list of an establishment, one page; or its changes since its oldest publication whose token is still valid. */
function appelListe(client: string, liste: string, type: string, scope: string, changements: boolean): AppelDemo {
  return {
    client,
    appeler: async (app, jeton) => {
      const uai = await etablissementDeLaListe(app, liste, type);
      const chemin = `/api-scolarite/v1/etablissements/${uai}/${liste}`;
      if (!changements) return request(app).get(`${chemin}?limit=10`).set('Authorization', `Bearer ${jeton}`);
      const { db, config } = app.locals.contexte as Contexte;
      const publications = await db('liste_publications').where({ liste, cle: uai }).orderBy('date_publication');
      const premiere = publications.find((p: { date_publication: string }) => ajouterMoisMemeJour(p.date_publication, VALIDITE_MOIS) > aujourdhui());
      const siret = CLIENTS_DEMO.find((c) => c.clientId === client)!.destinataire.siret;
      const depuis = emettreJetonListe(
        { cle: `${liste}:${uai}`, generationId: premiere.generation_id, datePublication: premiere.date_publication, scope },
        { siret, cle: config.cles.pseudonyme },
      );
      return request(app).get(`${chemin}/changements?limit=10&depuis=${depuis}`).set('Authorization', `Bearer ${jeton}`);
    },
    enregistrements: changements
      ? (corps) => [
          ...corps.ajouts,
          ...corps.modifications.map((m: { eleve: unknown }) => m.eleve),
          ...corps.retraits.map((r: { id: string }) => ({ id: r.id })),
        ]
      : (corps) => corps.eleves,
  };
}

const APPELS: Record<string, AppelDemo> = {
  StatutEleve: {
    client: 'demo-caf-35',
    // Demo identities follow the school year: take a pupil from the database.
    appeler: async (app, jeton) => {
      const [eleve] = await temoins((app.locals.contexte as Contexte).db);
      return request(app).get(requete(eleve)).set('Authorization', `Bearer ${jeton}`);
    },
    enregistrements: (corps) => [corps],
  },
  EnfantsSoumisObligation: {
    client: 'demo-mairie-rennes',
    appeler: (app, jeton) => request(app).get('/api-mairie/v1/communes/35238/enfants-soumis-obligation?limit=10').set('Authorization', `Bearer ${jeton}`),
    enregistrements: (corps) => corps.enfants,
  },
  ChangementsEnfantsSoumisObligation: {
    client: 'demo-mairie-rennes',
    // A token of the month before the latest (fetching it would journal a list page first).
    appeler: async (app, jeton) => {
      const { db, config } = app.locals.contexte as Contexte;
      const precedente = await db('obligation_publications').where({ code_commune: '35238' }).orderBy('date_publication', 'desc').offset(1).first();
      const depuis = emettreJeton(
        { codeCommune: '35238', generationId: precedente.generation_id, datePublication: precedente.date_publication, scope: 'mairie:obligation-scolaire' },
        { siret: '21350238800019', cle: config.cles.pseudonyme },
      );
      return request(app).get(`/api-mairie/v1/communes/35238/enfants-soumis-obligation/changements?depuis=${depuis}`).set('Authorization', `Bearer ${jeton}`);
    },
    // A retrait names the child by its pseudonym; its motif is the gateway's, not a field of the registry.
    enregistrements: (corps) => [
      ...corps.ajouts,
      ...corps.modifications.map((m: { enfant: unknown }) => m.enfant),
      ...corps.retraits.map((r: { id: string }) => ({ id: r.id })),
    ],
  },
  DemiPensionnaires: appelListe('demo-departement-35', 'demi-pensionnaires', 'college', 'scolarite:restauration', false),
  ChangementsDemiPensionnaires: appelListe('demo-departement-35', 'demi-pensionnaires', 'college', 'scolarite:restauration', true),
  Internes: appelListe('demo-region-bretagne', 'internes', 'lycee', 'scolarite:hebergement', false),
  ChangementsInternes: appelListe('demo-region-bretagne', 'internes', 'lycee', 'scolarite:hebergement', true),
  BoursiersCollectivite: appelListe('demo-departement-35', 'boursiers', 'college', 'scolarite:bourse-collectivite', false),
  ChangementsBoursiersCollectivite: appelListe('demo-departement-35', 'boursiers', 'college', 'scolarite:bourse-collectivite', true),
  JeunesObligationFormation: {
    client: 'demo-mission-locale-rennes',
    appeler: (app, jeton) => request(app).get('/api-scolarite/v1/obligation-formation/departement/35?limit=10').set('Authorization', `Bearer ${jeton}`),
    enregistrements: (corps) => corps.jeunes,
  },
  ChangementsJeunesObligationFormation: {
    client: 'demo-mission-locale-rennes',
    // A token of the oldest list still valid (13 months), so that the feed has removals and additions.
    appeler: async (app, jeton) => {
      const { db, config } = app.locals.contexte as Contexte;
      const premiere = await db('liste_publications')
        .where({ liste: 'obligation_formation', cle: 'departement:35' })
        .andWhere('date_publication', '>', ajouterMoisMemeJour(aujourdhui(), -VALIDITE_MOIS))
        .orderBy('date_publication')
        .first();
      const depuis = emettreJetonListe(
        {
          cle: 'obligation_formation:departement:35',
          generationId: premiere.generation_id,
          datePublication: premiere.date_publication,
          scope: 'scolarite:obligation-formation-contact',
        },
        { siret: '44112233500017', cle: config.cles.pseudonyme },
      );
      return request(app).get(`/api-scolarite/v1/obligation-formation/departement/35/changements?depuis=${depuis}`).set('Authorization', `Bearer ${jeton}`);
    },
    enregistrements: (corps) => [
      ...corps.ajouts,
      ...corps.modifications.map((m: { jeune: unknown }) => m.jeune),
      ...corps.retraits.map((r: { id: string }) => ({ id: r.id })),
    ],
  },
  ElevesAnonymisesDepartement: {
    client: 'demo-departement-35',
    appeler: (app, jeton) => request(app).get('/api-ecole/v1/departements/35/eleves-anonymises?limit=20').set('Authorization', `Bearer ${jeton}`),
    enregistrements: (corps) => corps.eleves,
  },
  ElevesAnonymisesRegion: {
    client: 'demo-region-bretagne',
    appeler: (app, jeton) => request(app).get('/api-ecole/v1/regions/53/eleves-anonymises?limit=20').set('Authorization', `Bearer ${jeton}`),
    enregistrements: (corps) => corps.eleves,
  },
  ChangementsElevesAnonymisesDepartement: {
    client: 'demo-departement-35',
    // A token of the earliest file of the year, signed as the gateway signs it (fetching it would journal a page first).
    appeler: async (app, jeton) => depuisLePremierFichier(app, jeton, 'departement', '35', 'ecole:eleves-anonymises', '22350001800013'),
    enregistrements: (corps) => [...corps.ajouts, ...corps.modifications.map((m: { eleve: unknown }) => m.eleve), ...corps.retraits],
  },
  ChangementsElevesAnonymisesRegion: {
    client: 'demo-region-bretagne',
    appeler: async (app, jeton) => depuisLePremierFichier(app, jeton, 'region', '53', 'ecole:eleves-anonymises-echelon', '23350001600016'),
    enregistrements: (corps) => [...corps.ajouts, ...corps.modifications.map((m: { eleve: unknown }) => m.eleve), ...corps.retraits],
  },
  LaureatsBac: {
    client: 'demo-region-bretagne',
    // Exam results (and the demo consents) come after the pupils: generated here if the seed has not.
    appeler: async (app, jeton) => {
      const { db } = app.locals.contexte as Contexte;
      if (!(await db('candidats_examens').first('id'))) await genererResultatsExamens(db, { seed: 42 });
      const { session } = (await db('candidats_examens').whereNotNull('eleve_id').max({ session: 'session' }).first())!;
      return request(app).get(`/api-resultats-examens/v1/sessions/${session}/examens/bac/laureats?mentionMinimale=B`).set('Authorization', `Bearer ${jeton}`);
    },
    enregistrements: (corps) => corps.laureats,
  },
};

/** The change feed of an anonymised file since its oldest publication whose token is still valid (the previous school year's June file, within 13 months). */
async function depuisLePremierFichier(app: Express, jeton: string, niveau: string, code: string, scope: string, siret: string): Promise<request.Response> {
  const { db, config } = app.locals.contexte as Contexte;
  const generation = await db('generations').orderBy('id', 'desc').first('id', 'dates_publication');
  const premiere = readJson<string[]>(generation.dates_publication).find((d) => ajouterMoisMemeJour(d, VALIDITE_MOIS) > aujourdhui())!;
  const depuis = emettreJetonListe(
    { cle: `eleves-anonymises:${niveau}:${code}:${scope}`, generationId: Number(generation.id), datePublication: premiere, scope },
    { siret, cle: config.cles.pseudonyme },
  );
  return request(app).get(`/api-ecole/v1/${niveau}s/${code}/eleves-anonymises/changements?depuis=${depuis}`).set('Authorization', `Bearer ${jeton}`);
}

/** Leaf paths present in records, arrays transparent: what the response actually disclosed. */
function cheminsPresents(valeur: unknown, prefixe = ''): string[] {
  if (Array.isArray(valeur)) return valeur.flatMap((v) => cheminsPresents(v, prefixe));
  if (valeur !== null && typeof valeur === 'object') {
    return Object.entries(valeur).flatMap(([k, v]) => cheminsPresents(v, prefixe ? `${prefixe}.${k}` : k));
  }
  return prefixe ? [prefixe] : [];
}

interface OperationSpec {
  operationId: string;
  security?: Array<Record<string, string[]>>;
}

const spec = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'openapi', 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, OperationSpec>>;
};
const scopesPersonnels = new Map(scopes.filter((s) => s.donnees_personnelles).map((s) => [s.code, s.api_id]));

const operationsPersonnelles = Object.entries(spec.paths).flatMap(([chemin, methodes]) =>
  Object.entries(methodes).flatMap(([methode, op]) => {
    const apis = [
      ...new Set(
        (op.security ?? [])
          .flatMap((exigence) => Object.values(exigence).flat())
          .filter((s) => scopesPersonnels.has(s))
          .map((s) => scopesPersonnels.get(s)),
      ),
    ];
    return apis.length > 0 ? [{ operationId: op.operationId, route: `${methode.toUpperCase()} ${chemin}`, apis }] : [];
  }),
);

describe('registre des scopes', () => {
  it('says of every scope whether it carries personal data', () => {
    for (const s of scopes) expect(typeof s.donnees_personnelles).toBe('boolean');
    expect([...scopesPersonnels.keys()].sort()).toEqual(
      scopes
        .map((s) => s.code)
        .filter((c) => /^(mairie|scolarite|ecole:eleves-anonymises)/.test(c) || c === 'examens:laureats-bourse-merite')
        .sort(),
    );
  });
});

describe('chaque route de données personnelles journalise', () => {
  it('has a journaling check in APPELS for every personal-data operation of the spec, and none stale', () => {
    expect(operationsPersonnelles.filter((o) => !(o.operationId in APPELS)).map((o) => `${o.operationId} (${o.route})`)).toEqual([]);
    const connues = new Set(operationsPersonnelles.map((o) => o.operationId));
    expect(Object.keys(APPELS).filter((id) => !connues.has(id))).toEqual([]);
  });

  const aVerifier = operationsPersonnelles.filter((o) => o.operationId in APPELS);
  if (aVerifier.length === 0) return;

  let t: AppDeTest;
  beforeAll(async () => {
    t = await demarrerAppDeTest();
  });
  afterAll(() => t.fermer());

  for (const operation of aVerifier) {
    it(`${operation.operationId} (${operation.route}) writes exactly one journal entry per successful call, naming the fields sent`, async () => {
      const appel = APPELS[operation.operationId];
      const client = CLIENTS_DEMO.find((c) => c.clientId === appel.client);
      if (!client) throw new Error(`client de démonstration inconnu : ${appel.client}`);
      const jeton = await t.jeton(appel.client);
      const avant = Number((await t.db('journal').max({ s: 'sequence' }).first())?.s ?? 0);

      const rep = await appel.appeler(t.app, jeton);
      expect(rep.status).toBeGreaterThanOrEqual(200);
      expect(rep.status).toBeLessThan(300);

      const entrees = await t.db('journal').where('sequence', '>', avant).select('api', 'operation', 'siret', 'request_id', 'champs');
      const champs = entrees.map((e: { champs: string }) => readJson<string[]>(e.champs));
      expect(entrees.map(({ champs: _champs, ...e }: { champs: string }) => e)).toEqual([
        {
          api: expect.any(String),
          operation: appel.operation ?? operation.operationId,
          siret: client.destinataire.siret,
          request_id: rep.headers['x-request-id'],
        },
      ]);
      expect(operation.apis).toContain(entrees[0].api);
      // Minimisation is proven on what left, not on what the scope allowed.
      const presents = [...new Set(cheminsPresents(appel.enregistrements(rep.body)))].sort();
      expect(presents.length).toBeGreaterThan(0);
      expect(champs[0]).toEqual(presents);
    });
  }
});
