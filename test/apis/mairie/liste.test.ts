import http from 'node:http';
import request from 'supertest';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import { readJson } from '../../../src/db/knex';
import { CLIENTS_DEMO } from '../../../src/demo/demo';
import { enregistrerOpposition } from '../../../src/privacy/opposition';
import { pseudonyme } from '../../../src/privacy/pseudonyme';
import scopes from '../../../src/registry/data/scopes.json';
import { demarrerAppDeTest, PERIMETRE_TEST, type AppDeTest } from '../../support/app';
import { appeler, CHEMIN_RENNES, compterListe, derniereSequenceJournal, entreesJournalDepuis, listeNdjson, RENNES, toutesLesPages } from './client-mairie';

const siretDe = (clientId: string) => CLIENTS_DEMO.find((c) => c.clientId === clientId)!.destinataire.siret;
const champsDuScope = (code: string) => scopes.find((s) => s.code === code)!.champs;

let t: AppDeTest;
let jetonRennes: string;
let jetonEditeur: string;
let derniereDate: string;

beforeAll(async () => {
  // Pagination and CSV tests make bursts of requests: the per-habilitation limit is tested in API scolarité.
  t = await demarrerAppDeTest({ LIMITE_REQUETES_PAR_SECONDE: '1000' });
  jetonRennes = await t.jeton('demo-mairie-rennes');
  jetonEditeur = await t.jeton('demo-editeur-restauration');
  derniereDate = (await t.db('obligation_publications').where({ code_commune: RENNES }).max({ d: 'date_publication' }).first())!.d;
}, 120_000);
afterAll(() => t.fermer());

/** Leaf paths of a record, arrays transparent: what a scope actually revealed. */
function chemins(valeur: unknown, prefixe = ''): string[] {
  if (Array.isArray(valeur)) return valeur.flatMap((v) => chemins(v, prefixe));
  if (valeur !== null && typeof valeur === 'object') return Object.entries(valeur).flatMap(([k, v]) => chemins(v, prefixe ? `${prefixe}.${k}` : k));
  return [prefixe];
}
const couvert = (champs: string[], chemin: string) => champs.some((c) => chemin === c || chemin.startsWith(`${c}.`));

describe('liste R131-3, scope obligation scolaire', () => {
  let liste: Awaited<ReturnType<typeof toutesLesPages>>;

  beforeAll(async () => {
    liste = await toutesLesPages(t, jetonRennes, `${CHEMIN_RENNES}?limit=150`);
  });

  it('couvre chaque enfant exactement une fois, page après page, comme un comptage SQL indépendant', async () => {
    const attendu = await compterListe(t.db, RENNES, derniereDate);
    expect(attendu).toBeGreaterThan(500);
    expect(liste.enfants.size).toBe(attendu);
    expect(liste.nombre_total).toBe(attendu);
    expect(liste.pages).toBe(Math.ceil(attendu / 150));
    expect(liste.date_reference).toBe(derniereDate);
    expect(liste.nombre_exclus).toBeUndefined();
  });

  it('donne tous les champs R131-3, et rien d’autre, sous un identifiant pseudonyme propre au destinataire', async () => {
    const champs = champsDuScope('mairie:obligation-scolaire');
    const enfants = [...liste.enfants.values()];
    for (const e of enfants) {
      expect(Object.keys(e).sort()).toEqual([...champs].sort());
      expect(chemins(e).every((c) => couvert(champs, c))).toBe(true);
      expect(e.id).toMatch(/^[a-z2-7]{26}$/);
    }
    const scolarise = enfants.find((e) => (e.scolarite_actuelle as { etablissement: unknown }).etablissement !== null)!;
    expect(scolarise).toMatchObject({
      lieu_naissance: { code_insee: expect.any(String), libelle: expect.any(String) },
      adresse: { ligne: expect.any(String), code_postal: expect.any(String), code_insee: RENNES, commune: 'Rennes' },
      mode_instruction: { code: expect.any(String), libelle: expect.any(String) },
      scolarite_actuelle: {
        annee_scolaire: '2026-2027',
        etablissement: { uai: expect.stringMatching(/^\d{7}[A-Z]$/), nom: expect.any(String) },
        niveau: { code: expect.any(String), libelle: expect.any(String) },
      },
      scolarite_precedente: { annee_scolaire: '2025-2026' },
      responsables: expect.arrayContaining([
        expect.objectContaining({ nom: expect.any(String), lien: { code: expect.any(String), libelle: expect.any(String) }, adresse: expect.any(Object) }),
      ]),
    });
    // The id is the recipient's pseudonym of an internal id of the commune's list, never the internal id.
    const ids = (await t.db('obligation_versions').where({ code_commune: RENNES }).whereNull('valide_jusqu_au').select('eleve_id')).map(
      (l: { eleve_id: string }) => l.eleve_id,
    );
    const pseudonymes = new Set(ids.map((id: string) => pseudonyme(t.config.cles.pseudonyme, id, siretDe('demo-mairie-rennes'))));
    expect(enfants.every((e) => pseudonymes.has(e.id))).toBe(true);
    expect(enfants.some((e) => ids.includes(e.id))).toBe(false);
    // Children a mairie must chase are on the list too.
    expect(enfants.some((e) => (e.mode_instruction as { code: string }).code !== 'public')).toBe(true);
  });

  it('sert une publication antérieure avec dateReference et refuse une date mal formée ou non publiée', async () => {
    const dates = (await t.db('obligation_publications').where({ code_commune: RENNES }).orderBy('date_publication').pluck('date_publication')) as string[];
    const ancienne = dates[dates.length - 2];
    const rep = await appeler(t, jetonRennes, `${CHEMIN_RENNES}?dateReference=${ancienne}&limit=1`);
    expect(rep.status).toBe(200);
    expect(rep.body.date_reference).toBe(ancienne);
    expect(rep.body.nombre_total).toBe(await compterListe(t.db, RENNES, ancienne));

    for (const date of ['2026-11-15', '2026-13-01', 'hier']) {
      const r = await appeler(t, jetonRennes, `${CHEMIN_RENNES}?dateReference=${date}`);
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('requete_invalide');
    }
    const nonPubliee = await appeler(t, jetonRennes, `${CHEMIN_RENNES}?dateReference=2026-08-01`);
    expect(nonPubliee.status).toBe(422);
    expect(nonPubliee.body.dates_publiees).toEqual(dates);
    const annee = await appeler(t, jetonRennes, `${CHEMIN_RENNES}?anneeScolaire=2025-2026&limit=1`);
    expect(annee.body.date_reference).toBe(dates.filter((d) => d < '2026-09-01').pop());
    expect((await appeler(t, jetonRennes, `${CHEMIN_RENNES}?limit=1001`)).status).toBe(400);
  });
});

describe('liste pour la restauration scolaire (scope mairie:restauration-scolaire, 6.1.e)', () => {
  it('ne donne que les élèves des écoles publiques de la commune, réduits aux champs du scope, et écarte les opposants en les comptant', async () => {
    const champs = champsDuScope('mairie:restauration-scolaire');
    const avant = await toutesLesPages(t, jetonEditeur, `${CHEMIN_RENNES}?limit=300`);
    const attendu = await compterListe(t.db, RENNES, derniereDate, true);
    expect(attendu).toBeGreaterThan(100);
    expect(attendu).toBeLessThan(await compterListe(t.db, RENNES, derniereDate));
    expect(avant.enfants.size).toBe(attendu);
    for (const e of avant.enfants.values()) {
      expect(chemins(e).every((c) => couvert(champs, c))).toBe(true);
      expect(e).not.toHaveProperty('adresse');
      expect(e).not.toHaveProperty('responsables');
      expect(e.scolarite_actuelle).toMatchObject({ etablissement: { code_insee: RENNES } });
    }
    const uais = new Set([...avant.enfants.values()].map((e) => (e.scolarite_actuelle as { etablissement: { uai: string } }).etablissement.uai));
    const ecoles = await t
      .db('etablissements')
      .whereIn('uai', [...uais])
      .select('type', 'statut', 'code_commune');
    expect(ecoles.every((e: Record<string, string>) => e.type === 'ecole' && e.statut === 'public' && e.code_commune === RENNES)).toBe(true);

    // An opposition to the catering purpose removes the child from this list only.
    const [eleve] = await t
      .db('obligation_versions as v')
      .join('etablissements as e', 'e.uai', 'v.uai')
      .where({ 'v.code_commune': RENNES, 'e.statut': 'public', 'e.type': 'ecole', 'e.code_commune': RENNES, 'v.mode_instruction': 'public' })
      .whereNull('v.valide_jusqu_au')
      .select('v.eleve_id')
      .limit(1);
    await enregistrerOpposition(t.db, { personneId: eleve.eleve_id, finaliteCode: 'restauration_scolaire', dateDebut: '2026-01-01', origine: 'test' });
    const apres = await toutesLesPages(t, jetonEditeur, `${CHEMIN_RENNES}?limit=300`);
    expect(apres.enfants.size).toBe(attendu - 1);
    expect(apres.nombre_total).toBe(attendu - 1);
    expect(apres.nombre_exclus).toBe(1);
    expect(apres.enfants.has(pseudonyme(t.config.cles.pseudonyme, eleve.eleve_id, siretDe('demo-editeur-restauration')))).toBe(false);
    // The obligation check rests on 6.1.c: no opposition applies to the mairie's list.
    const obligation = await toutesLesPages(t, jetonRennes, `${CHEMIN_RENNES}?limit=1000`);
    expect(obligation.nombre_exclus).toBeUndefined();
    expect(obligation.enfants.has(pseudonyme(t.config.cles.pseudonyme, eleve.eleve_id, siretDe('demo-mairie-rennes')))).toBe(true);
  });
});

describe('territoire', () => {
  const autres = PERIMETRE_TEST.communes!.filter((c) => c !== RENNES);

  it('refuse à la mairie de Rennes et à son prestataire toute autre commune, sans un octet de ses données', async () => {
    const sequence = await derniereSequenceJournal(t.db);
    for (const jeton of [jetonRennes, jetonEditeur]) {
      for (const commune of [...autres, '2A004']) {
        for (const suffixe of ['', '?format=csv', '/changements?depuis=x']) {
          const rep = await appeler(t, jeton, `/api-mairie/v1/communes/${commune}/enfants-soumis-obligation${suffixe}`);
          expect(rep.status).toBe(403);
          expect(rep.body.code).toBe('hors_territoire');
          expect(rep.headers['content-type']).toMatch(/application\/problem\+json/);
          expect(Object.keys(rep.body).sort()).toEqual(['code', 'detail', 'instance', 'request_id', 'status', 'title', 'type']);
        }
      }
    }
    const saintMalo = await t.jeton('demo-mairie-saint-malo');
    const rep = await appeler(t, saintMalo, CHEMIN_RENNES);
    expect(rep.status).toBe(403);
    expect(rep.body.code).toBe('hors_territoire');
    expect((await appeler(t, saintMalo, '/api-mairie/v1/communes/35288/enfants-soumis-obligation?limit=1')).status).toBe(200);
    expect(await entreesJournalDepuis(t.db, sequence + 1)).toEqual([]);
  });

  it('répond 404 à un code INSEE inconnu et 400 à un code mal formé', async () => {
    for (const code of ['99999', '35000', '2A999']) {
      const rep = await appeler(t, jetonRennes, `/api-mairie/v1/communes/${code}/enfants-soumis-obligation`);
      expect(rep.status).toBe(404);
      expect(rep.body.code).toBe('ressource_introuvable');
    }
    for (const code of ['3523', '352380', '2C004', 'ABCDE', '35%2038']) {
      const rep = await appeler(t, jetonRennes, `/api-mairie/v1/communes/${code}/enfants-soumis-obligation`);
      expect(rep.status).toBe(400);
      expect(rep.body.code).toBe('requete_invalide');
    }
  });

  it('exige un jeton portant un scope API mairie', async () => {
    expect((await appeler(t, 'jeton-inconnu', CHEMIN_RENNES)).status).toBe(401);
    const departement = await t.jeton('demo-departement-35');
    expect((await appeler(t, departement, CHEMIN_RENNES)).status).toBe(403);
  });
});

describe('requêtes conditionnelles et journal', () => {
  it('journalise chaque page communiquée (destinataire, finalité, champs, nombre), ni 304 ni erreur', async () => {
    const sequence = await derniereSequenceJournal(t.db);
    const premiere = await appeler(t, jetonRennes, `${CHEMIN_RENNES}?limit=40`);
    expect(premiere.status).toBe(200);
    expect(premiere.headers.etag).toMatch(/^"[^"]+"$/);
    expect(premiere.headers['cache-control']).toMatch(/private/);
    const [entree, ...autres] = await entreesJournalDepuis(t.db, sequence);
    expect(autres).toEqual([]);
    expect(entree).toMatchObject({
      api: 'api-mairie',
      operation: 'EnfantsSoumisObligation',
      siret: siretDe('demo-mairie-rennes'),
      finalite: 'obligation_scolaire',
      nombre_personnes: 40,
      resultat: 'communique',
      request_id: premiere.headers['x-request-id'],
    });
    // The fields actually sent: every leaf present in the page's entries, none the scope allows but the page lacks.
    expect(readJson<string[]>(entree.champs)).toEqual([...new Set(chemins(premiere.body.enfants))].sort());

    const inchangee = await appeler(t, jetonRennes, `${CHEMIN_RENNES}?limit=40`).set('If-None-Match', premiere.headers.etag);
    expect(inchangee.status).toBe(304);
    expect(inchangee.text ?? '').toBe('');
    expect(inchangee.headers.etag).toBe(premiere.headers.etag);
    // Another page, another recipient or another scope is another representation.
    const suivante = await appeler(t, jetonRennes, `${CHEMIN_RENNES}?limit=41`).set('If-None-Match', premiere.headers.etag);
    expect(suivante.status).toBe(200);
    const editeur = await appeler(t, jetonEditeur, `${CHEMIN_RENNES}?limit=40`).set('If-None-Match', premiere.headers.etag);
    expect(editeur.status).toBe(200);
    const csv = await appeler(t, jetonRennes, `${CHEMIN_RENNES}?limit=40&format=csv`).set('If-None-Match', premiere.headers.etag);
    expect(csv.status).toBe(200);
    await appeler(t, jetonRennes, `${CHEMIN_RENNES}?dateReference=2026-08-01`);

    const entrees = await entreesJournalDepuis(t.db, sequence);
    expect(entrees.map((e) => [e.siret, e.finalite, e.nombre_personnes])).toEqual([
      [siretDe('demo-mairie-rennes'), 'obligation_scolaire', 40],
      [siretDe('demo-mairie-rennes'), 'obligation_scolaire', 41],
      [siretDe('demo-editeur-restauration'), 'restauration_scolaire', 40],
      [siretDe('demo-mairie-rennes'), 'obligation_scolaire', await compterListe(t.db, RENNES, derniereDate)],
    ]);
    expect(readJson<string[]>(entrees[2].champs)).toEqual([...new Set(chemins(editeur.body.enfants))].sort());
    expect(readJson<string[]>(entrees[2].champs).every((c) => couvert(champsDuScope('mairie:restauration-scolaire'), c))).toBe(true);
  });

  it('ne répond jamais 304 à qui ne peut pas lire la liste : jeton absent, inconnu, sans le scope, autre commune', async () => {
    const page = `${CHEMIN_RENNES}?limit=10`;
    const etag = (await appeler(t, jetonRennes, page)).headers.etag as string;
    expect((await appeler(t, jetonRennes, page).set('If-None-Match', etag)).status).toBe(304);
    const sansJeton = await request(t.app).get(page).set('If-None-Match', etag);
    expect([sansJeton.status, sansJeton.body.code]).toEqual([401, 'jeton_absent']);
    const inconnu = await appeler(t, 'inconnu', page).set('If-None-Match', etag);
    expect([inconnu.status, inconnu.body.code]).toEqual([401, 'jeton_invalide']);
    const caf = await appeler(t, await t.jeton('demo-caf-35'), page).set('If-None-Match', etag);
    expect([caf.status, caf.body.code]).toEqual([403, 'scope_insuffisant']);
    const saintMalo = await appeler(t, await t.jeton('demo-mairie-saint-malo'), page).set('If-None-Match', '*');
    expect([saintMalo.status, saintMalo.body.code]).toEqual([403, 'hors_territoire']);
    for (const rep of [sansJeton, inconnu, caf, saintMalo]) expect(rep.headers.etag).toBeUndefined();
  });

  it('rend 200 de nouveau quand une opposition change la liste de restauration', async () => {
    const premiere = await appeler(t, jetonEditeur, `${CHEMIN_RENNES}?limit=10`);
    expect((await appeler(t, jetonEditeur, `${CHEMIN_RENNES}?limit=10`).set('If-None-Match', premiere.headers.etag)).status).toBe(304);
    const autre = await t.db('obligation_versions').where({ code_commune: RENNES }).whereNull('valide_jusqu_au').first('eleve_id');
    await enregistrerOpposition(t.db, { personneId: autre.eleve_id, finaliteCode: 'restauration_scolaire', dateDebut: '2026-01-01', origine: 'test' });
    expect((await appeler(t, jetonEditeur, `${CHEMIN_RENNES}?limit=10`).set('If-None-Match', premiere.headers.etag)).status).toBe(200);
  });
});

describe('export CSV pour tableur', () => {
  const NOM = 'Le Hénaff; dit "Le Roi"';
  const PRENOMS = '=HYPERLINK("http://x") Zoé-Maëlle';

  beforeAll(async () => {
    // A child with every character a spreadsheet chokes on, published in the latest list.
    const modele = await t.db('obligation_versions').where({ code_commune: RENNES }).whereNull('valide_jusqu_au').orderBy('eleve_id').first();
    const eleve = await t.db('eleves').where({ id: modele.eleve_id }).first();
    await t.db('eleves').insert({ ...eleve, id: 'test-csv-000001', ine: '000000001AA', nom: NOM, prenoms: PRENOMS });
    const { id: _id, ...version } = modele;
    await t
      .db('obligation_versions')
      .insert({ ...version, eleve_id: 'test-csv-000001', nom: NOM, prenoms: PRENOMS, adresse_ligne: '3 rue de l’Église\nBâtiment B' });
  });

  for (const [nom, entete] of [
    ['format=csv', {}],
    ['Accept: text/csv', { Accept: 'text/csv' }],
  ] as const) {
    it(`donne la liste entière (${nom}) : BOM, « ; », CRLF, en-têtes français, une ligne par enfant, cellules protégées`, async () => {
      const sequence = await derniereSequenceJournal(t.db);
      const rep = await appeler(t, jetonRennes, nom === 'format=csv' ? `${CHEMIN_RENNES}?format=csv` : CHEMIN_RENNES)
        .set(entete)
        .buffer(true)
        .parse((res, fin) => {
          const morceaux: Buffer[] = [];
          res.on('data', (m: Buffer) => morceaux.push(m));
          res.on('end', () => fin(null, Buffer.concat(morceaux)));
        });
      expect(rep.status).toBe(200);
      expect(rep.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(rep.headers['content-disposition']).toBe(`attachment; filename="enfants-soumis-obligation-${RENNES}-${derniereDate}.csv"`);
      const octets = rep.body as Buffer;
      expect([...octets.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const texte = octets.toString('utf8');
      expect(texte.split('\r\n')[0]).toBe(
        '\uFEFFidentifiant;nom;prenoms;sexe;date_naissance;code_insee_naissance;lieu_naissance;adresse;code_postal;commune;mode_instruction;' +
          'annee_scolaire;uai;etablissement;code_insee_etablissement;niveau;' +
          'annee_scolaire_precedente;mode_instruction_precedent;uai_precedente;etablissement_precedente;code_insee_etablissement_precedente;niveau_precedente;' +
          'responsable_1_nom;responsable_1_prenoms;responsable_1_lien;responsable_1_adresse;responsable_1_code_postal;responsable_1_commune;' +
          'responsable_2_nom;responsable_2_prenoms;responsable_2_lien;responsable_2_adresse;responsable_2_code_postal;responsable_2_commune;date_mise_a_jour',
      );
      const lignes: Record<string, string>[] = parse(texte, { bom: true, delimiter: ';', columns: true, record_delimiter: '\r\n' });
      const attendu = await compterListe(t.db, RENNES, derniereDate);
      expect(lignes).toHaveLength(attendu);
      expect(new Set(lignes.map((l) => l.identifiant)).size).toBe(attendu);
      const piege = lignes.find((l) => l.nom === NOM)!;
      expect(piege.prenoms).toBe(`'${PRENOMS}`);
      expect(piege.adresse).toBe('3 rue de l’Église\nBâtiment B');
      expect(piege.identifiant).toBe(pseudonyme(t.config.cles.pseudonyme, 'test-csv-000001', siretDe('demo-mairie-rennes')));
      expect(lignes.some((l) => l.responsable_2_nom !== '')).toBe(true);

      // Journaled once, before the first byte, for the whole list.
      const entrees = await entreesJournalDepuis(t.db, sequence);
      expect(entrees.map((e) => [e.operation, e.nombre_personnes])).toEqual([['EnfantsSoumisObligation', attendu]]);
    });
  }

  it('réduit les colonnes au scope de restauration scolaire', async () => {
    const rep = await appeler(t, jetonEditeur, `${CHEMIN_RENNES}?format=csv`);
    expect(rep.status).toBe(200);
    const lignes: Record<string, string>[] = parse(rep.text, { bom: true, delimiter: ';', columns: true });
    expect(Object.keys(lignes[0])).toEqual([
      'identifiant',
      'nom',
      'prenoms',
      'date_naissance',
      'annee_scolaire',
      'uai',
      'etablissement',
      'code_insee_etablissement',
      'niveau',
    ]);
    const exclus = Number((await t.db('oppositions').where({ finalite_code: 'restauration_scolaire' }).count({ n: '*' }))[0].n);
    const perimetre = await compterListe(t.db, RENNES, derniereDate, true);
    expect(lignes.length).toBeGreaterThanOrEqual(perimetre - exclus);
    expect(lignes.length).toBeLessThan(perimetre);
  });
});

describe('liste entière en une réponse NDJSON', () => {
  it('donne chaque enfant exactement une fois, tel que les pages JSON le donnent, derrière une ligne d’en-tête, journalisée une fois', async () => {
    const pages = await toutesLesPages(t, jetonRennes, `${CHEMIN_RENNES}?limit=1000`);
    const sequence = await derniereSequenceJournal(t.db);
    const { rep, entete, enfants } = await listeNdjson(t, jetonRennes, `${CHEMIN_RENNES}?format=ndjson&limit=7`);
    expect(rep.status).toBe(200);
    expect(rep.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const attendu = await compterListe(t.db, RENNES, derniereDate);
    expect(entete).toEqual({
      code_commune: RENNES,
      date_reference: derniereDate,
      annee_scolaire: '2026-2027',
      nombre_total: attendu,
      jeton_synchronisation: pages.jeton_synchronisation,
    });
    expect(enfants).toHaveLength(attendu);
    expect(new Set(enfants.map((e) => e.id)).size).toBe(attendu);
    // Same pseudonyms, same mask, same order as the pages.
    expect(enfants).toEqual([...pages.enfants.values()]);

    const entrees = await entreesJournalDepuis(t.db, sequence);
    expect(entrees.map((e) => [e.operation, e.siret, e.finalite, e.nombre_personnes])).toEqual([
      ['EnfantsSoumisObligation', siretDe('demo-mairie-rennes'), 'obligation_scolaire', attendu],
    ]);
    expect(readJson<string[]>(entrees[0].champs)).toEqual([...champsDuScope('mairie:obligation-scolaire')].sort());

    const parAccept = await listeNdjson(t, jetonRennes, CHEMIN_RENNES, { Accept: 'application/x-ndjson' });
    expect(parAccept.rep.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(parAccept.enfants).toEqual(enfants);
  });

  it('applique le masque et les oppositions du scope de restauration scolaire', async () => {
    const pages = await toutesLesPages(t, jetonEditeur, `${CHEMIN_RENNES}?limit=1000`);
    const opposant = await t
      .db('obligation_versions as v')
      .join('etablissements as e', 'e.uai', 'v.uai')
      .join('oppositions as o', 'o.personne_id', 'v.eleve_id')
      .where({
        'v.code_commune': RENNES,
        'e.statut': 'public',
        'e.type': 'ecole',
        'e.code_commune': RENNES,
        'v.mode_instruction': 'public',
        'o.finalite_code': 'restauration_scolaire',
      })
      .whereNull('v.valide_jusqu_au')
      .first('v.eleve_id');
    expect(opposant).toBeDefined();
    const { entete, enfants } = await listeNdjson(t, jetonEditeur, `${CHEMIN_RENNES}?format=ndjson`);
    const champs = champsDuScope('mairie:restauration-scolaire');
    expect(enfants.length).toBe(pages.enfants.size);
    expect(entete).toMatchObject({ nombre_total: pages.nombre_total, nombre_exclus: pages.nombre_exclus });
    expect(entete.nombre_exclus).toBeGreaterThanOrEqual(1);
    for (const e of enfants) {
      expect(chemins(e).every((c) => couvert(champs, c))).toBe(true);
      expect(e).not.toHaveProperty('adresse');
      expect(e).not.toHaveProperty('responsables');
    }
    expect(enfants).toEqual([...pages.enfants.values()]);
    expect(enfants.some((e) => e.id === pseudonyme(t.config.cles.pseudonyme, opposant.eleve_id, siretDe('demo-editeur-restauration')))).toBe(false);
  });

  it('a écrit son entrée de journal quand arrive le premier octet', async () => {
    const serveur = http.createServer(t.app).listen(0, '127.0.0.1');
    await new Promise((r) => serveur.once('listening', r));
    try {
      const sequence = await derniereSequenceJournal(t.db);
      const { port } = serveur.address() as AddressInfo;
      const journalAuPremierOctet = await new Promise<Array<Record<string, unknown>>>((resoudre, rejeter) => {
        const requete = http.get(`http://127.0.0.1:${port}${CHEMIN_RENNES}?format=ndjson`, { headers: { Authorization: `Bearer ${jetonRennes}` } }, (res) => {
          res.once('data', () => {
            res.pause();
            entreesJournalDepuis(t.db, sequence).then((e) => {
              res.destroy();
              resoudre(e);
            }, rejeter);
          });
        });
        requete.on('error', rejeter);
      });
      expect(journalAuPremierOctet.map((e) => e.nombre_personnes)).toEqual([await compterListe(t.db, RENNES, derniereDate)]);
    } finally {
      await new Promise((r) => serveur.close(r));
    }
  });

  it('refuse la liste (503, aucune donnée) quand le journal ne peut être écrit', async () => {
    await t.db.schema.renameTable('journal', 'journal_hors_service');
    try {
      const rep = await appeler(t, jetonRennes, `${CHEMIN_RENNES}?format=ndjson`);
      expect(rep.status).toBe(503);
      expect(rep.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(rep.body.code).toBe('journal_indisponible');
      expect(rep.text).not.toMatch(/jeton_synchronisation|date_naissance/);
    } finally {
      await t.db.schema.renameTable('journal_hors_service', 'journal');
    }
  });

  it('porte son propre ETag : 304 tant que la liste ne change pas, sans journaliser', async () => {
    const premiere = await listeNdjson(t, jetonRennes, `${CHEMIN_RENNES}?format=ndjson`);
    const etag = premiere.rep.headers.etag;
    expect(etag).toMatch(/^"[^"]+"$/);
    const page = await appeler(t, jetonRennes, `${CHEMIN_RENNES}?limit=1000`);
    const csv = await appeler(t, jetonRennes, `${CHEMIN_RENNES}?format=csv`);
    expect(new Set([etag, page.headers.etag, csv.headers.etag]).size).toBe(3);
    const sequence = await derniereSequenceJournal(t.db);
    const inchangee = await appeler(t, jetonRennes, `${CHEMIN_RENNES}?format=ndjson`).set('If-None-Match', etag);
    expect(inchangee.status).toBe(304);
    expect(inchangee.text ?? '').toBe('');
    expect(await entreesJournalDepuis(t.db, sequence)).toEqual([]);
  });
});
