import request from 'supertest';
import { creerClient } from '../../../src/auth/clients';
import { readJson } from '../../../src/db/knex';
import { aujourdhui } from '../../../src/horloge';
import { SEUIL_SECRET_STATISTIQUE } from '../../../src/privacy/secret-statistique';
import { creerDestinataire } from '../../../src/registry/destinataires';
import { changerStatut, soumettreHabilitation } from '../../../src/registry/habilitations';
import { estSiretValide } from '../../../src/territoire/codes';
import { zonesDeResidence } from '../../../src/apis/ecole/eleves-anonymises';
import { VALIDITE_MOIS } from '../../../src/listes/jeton-synchronisation';
import { ajouterMoisMemeJour } from '../../../src/referentiels/calendrier';
import { geographieOfficielle } from '../../../src/territoire/geographie';
import { demarrerAppDeTest, type AppDeTest } from '../../support/app';

/**
 * The anonymised pupil file (sectorisation, mixité sociale), as a département and a région
 * download it: no identity anywhere, a pseudonym per recipient, k-anonymous rows, the
 * recipient's territory only, changes that are the difference of two files, and the journal.
 */

let t: AppDeTest;
let dep: string;
let region: string;
/** A second recipient of the same département (e.g. its sectorisation contractor under its own convention). */
let autre: string;
const SIRET_AUTRE = avecCleLuhn('2235000180004');

beforeAll(async () => {
  // Many calls in quick succession: the per-habilitation limit (20/s by default) is not what is tested here.
  t = await demarrerAppDeTest({ LIMITE_REQUETES_PAR_SECONDE: '1000' });
  dep = await t.jeton('demo-departement-35');
  region = await t.jeton('demo-region-bretagne');
  await creerDestinataire(t.db, { siret: SIRET_AUTRE, nom: 'Observatoire départemental de la mixité', categorie: 'departement', codeDepartement: '35' });
  const h = await soumettreHabilitation(
    t.db,
    {
      siret: SIRET_AUTRE,
      finalite: 'sectorisation_mixite_sociale',
      scopes: ['ecole:eleves-anonymises'],
      intitule: 'Mixité sociale',
      dateDebut: '2025-09-01',
      dateFin: '2099-12-31',
    },
    'test',
  );
  await changerStatut(t.db, h.id, 'validee', 'test');
  await creerClient(t.db, { siret: SIRET_AUTRE, nom: 'Observatoire', clientId: 'observatoire-35', secret: 'secret-observatoire-35-assez-long' });
  const rep = await request(t.app)
    .post('/oauth/token')
    .auth('observatoire-35', 'secret-observatoire-35-assez-long')
    .type('form')
    .send({ grant_type: 'client_credentials' });
  expect(rep.status).toBe(200);
  autre = rep.body.access_token;
});
afterAll(() => t.fermer());

function avecCleLuhn(debut: string): string {
  for (let c = 0; c <= 9; c++) if (estSiretValide(`${debut}${c}`)) return `${debut}${c}`;
  throw new Error('pas de clé');
}

interface Eleve {
  id: string;
  zone_residence: { code: string; type: string } | null;
  uai: string;
  formation: { niveau: { code: string }; mef: { code_mef_stat: string } | null } | null;
  regime: { code: string } | null;
  boursier: boolean | null;
  echelon_bourse?: number | null;
  origine_sociale: { code: string };
  generalisations: string[];
}

/** The whole file in NDJSON: its header line and its rows. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the header read as a client reads JSON
async function fichier(chemin: string, jeton: string, dateReference?: string): Promise<{ entete: any; eleves: Eleve[]; texte: string }> {
  const rep = await request(t.app)
    .get(chemin)
    .query({ format: 'ndjson', ...(dateReference ? { dateReference } : {}) })
    .set('Authorization', `Bearer ${jeton}`)
    .buffer(true)
    .parse((res, fin) => {
      // Decoded once whole: a chunk may end in the middle of a character.
      const morceaux: Buffer[] = [];
      res.on('data', (c: Buffer) => morceaux.push(c));
      res.on('end', () => fin(null, Buffer.concat(morceaux).toString('utf8')));
    });
  expect(rep.status).toBe(200);
  const texte = rep.body as string;
  const [entete, ...eleves] = texte
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  return { entete, eleves, texte };
}

const combinaison = (e: Eleve) =>
  JSON.stringify([
    e.zone_residence?.code ?? null,
    e.uai,
    e.formation?.niveau.code ?? null,
    e.formation?.mef?.code_mef_stat ?? null,
    e.regime?.code ?? null,
    e.boursier,
    e.echelon_bourse ?? null,
  ]);

const sansId = ({ id: _id, ...reste }: Eleve) => JSON.stringify(reste);

describe('fichier des élèves pseudonymisés', () => {
  it('discloses no name, address, birth date, INE or internal id, and only the listed fields', async () => {
    const { entete, eleves, texte } = await fichier('/api-ecole/v1/departements/35/eleves-anonymises', dep);
    expect(eleves.length).toBeGreaterThan(50);
    expect(entete.nombre_eleves).toBe(eleves.length);
    expect(entete.types_etablissement).toEqual(['college']);
    for (const e of eleves) {
      expect(Object.keys(e).sort()).toEqual(['boursier', 'formation', 'generalisations', 'id', 'origine_sociale', 'regime', 'uai', 'zone_residence']);
      expect(e.id).toMatch(/^[a-z2-7]{26}$/);
    }
    // No date but the header's publication date; none of the pupils' identities or addresses.
    expect(texte.replace(new RegExp(entete.date_reference, 'g'), '')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const personnes = await t.db('eleves').select('id', 'ine', 'adresse_ligne', 'nom', 'prenoms');
    for (const p of personnes) {
      expect(texte).not.toContain(p.ine);
      expect(texte).not.toContain(`"${p.id}"`);
      expect(texte).not.toContain(p.adresse_ligne);
      expect(texte).not.toContain(`${p.prenoms.split(' ')[0]} ${p.nom}`);
    }
    // Pupils of the département's public collèges only.
    const colleges = new Set(await t.db('etablissements').where({ type: 'college', statut: 'public', code_departement: '35' }).pluck('uai'));
    for (const e of eleves) expect(colleges).toContain(e.uai);
  });

  it('gives each recipient its own pseudonyms, stable from one download to the next, and the same rows otherwise', async () => {
    const a = await fichier('/api-ecole/v1/departements/35/eleves-anonymises', dep);
    const encore = await fichier('/api-ecole/v1/departements/35/eleves-anonymises', dep);
    const b = await fichier('/api-ecole/v1/departements/35/eleves-anonymises', autre);
    expect(encore.eleves.map((e) => e.id)).toEqual(a.eleves.map((e) => e.id));
    const idsA = new Set(a.eleves.map((e) => e.id));
    expect(b.eleves.filter((e) => idsA.has(e.id))).toEqual([]);
    expect(b.eleves.map(sansId).sort()).toEqual(a.eleves.map(sansId).sort());
  });

  it('publishes no combination of quasi-identifiers shared by fewer than the threshold, échelon included when the scope opens it', async () => {
    for (const [chemin, jeton] of [
      ['/api-ecole/v1/departements/35/eleves-anonymises', dep],
      ['/api-ecole/v1/regions/53/eleves-anonymises', region],
    ] as const) {
      const { entete, eleves } = await fichier(chemin, jeton);
      expect(entete.secret_statistique.seuil).toBe(SEUIL_SECRET_STATISTIQUE);
      const effectifs = new Map<string, number>();
      for (const e of eleves) effectifs.set(combinaison(e), (effectifs.get(combinaison(e)) ?? 0) + 1);
      expect([...effectifs.values()].filter((n) => n < SEUIL_SECRET_STATISTIQUE)).toEqual([]);
      // Each row says what was coarsened, and the header counts at least those published.
      for (const e of eleves) {
        if (e.generalisations.includes('echelon_masque')) expect(e.echelon_bourse ?? null).toBeNull();
        if (e.generalisations.includes('mef_vers_niveau')) expect(e.formation?.mef ?? null).toBeNull();
        if (e.generalisations.includes('zone_elargie')) expect(e.zone_residence?.type).toBe('departement');
      }
      for (const code of new Set(eleves.flatMap((e) => e.generalisations))) {
        expect(entete.secret_statistique.lignes_generalisees[code]).toBeGreaterThanOrEqual(eleves.filter((e) => e.generalisations.includes(code)).length);
      }
    }
    const lycees = await fichier('/api-ecole/v1/regions/53/eleves-anonymises', region);
    expect(lycees.entete.types_etablissement).toEqual(['lycee']);
    expect(lycees.entete.secret_statistique.quasi_identifiants).toContain('echelon_bourse');
    // The région's scope opens the échelon: some boursiers keep it.
    expect(lycees.eleves.every((e) => 'echelon_bourse' in e)).toBe(true);
  });

  it('groups small communes of residence into zones holding at least the threshold of pupils', async () => {
    const { entete } = await fichier('/api-ecole/v1/departements/35/eleves-anonymises', dep);
    const date = entete.date_reference as string;
    const annee = entete.annee_scolaire as string;
    // The file's population, counted here apart from the service: residence of the public collèges' pupils on that date.
    const lignes: Array<{ c: string; niveau: string }> = await t
      .db('scolarites as s')
      .join('eleves as e', 'e.id', 's.eleve_id')
      .join('etablissements as t', 't.uai', 's.uai')
      .where({ 's.annee_scolaire': annee, 's.mode_instruction': 'public', 't.type': 'college', 't.statut': 'public', 't.code_departement': '35' })
      .whereIn('s.niveau_code', ['6E', '5E', '4E', '3E'])
      .andWhere((w) => w.whereNull('s.date_entree').orWhere('s.date_entree', '<=', date))
      .andWhere((w) => w.whereNull('s.date_sortie').orWhere('s.date_sortie', '>', date))
      .select('e.code_commune_residence as c', 's.niveau_code as niveau');
    const parCommune = new Map<string, number>();
    for (const l of lignes) parCommune.set(l.c, (parCommune.get(l.c) ?? 0) + 1);
    expect(entete.nombre_eleves + entete.secret_statistique.lignes_retenues).toBe(lignes.length);
    const couvertes = entete.zones.flatMap((z: { communes: string[] }) => z.communes).sort();
    expect(couvertes).toEqual([...parCommune.keys()].sort());
    for (const z of entete.zones as Array<{ code: string; type: string; communes: string[] }>) {
      const n = z.communes.reduce((s, c) => s + parCommune.get(c)!, 0);
      if (z.type !== 'autres') expect(n).toBeGreaterThanOrEqual(SEUIL_SECRET_STATISTIQUE);
      if (z.type === 'commune') expect(z.communes).toEqual([z.code]);
    }
    // A commune with fewer pupils than the threshold never is a zone of its own.
    for (const [c, n] of parCommune) if (n < SEUIL_SECRET_STATISTIQUE) expect(entete.zones.map((z: { code: string }) => z.code)).not.toContain(c);
  });

  it('groups small communes within their intercommunality, then their département, then all together', () => {
    const geo = geographieOfficielle();
    const rennes = geo.commune('35238');
    const metropole = geo
      .communesDeLEpci(rennes.epci!)
      .filter((c) => c.code !== '35238')
      .slice(0, 3);
    const ailleurs = geo.communesDuDepartement('35').filter((c) => c.epci && c.epci !== rennes.epci);
    const y = ailleurs[0];
    const z = ailleurs.find((c) => c.epci !== y.epci)!;
    const cotesDArmor = geo.communesDuDepartement('22')[0];
    const effectifs = new Map<string, number>([
      ['35238', 40],
      ...metropole.map((c) => [c.code, 2] as [string, number]),
      [y.code, 3],
      [z.code, 2],
      [cotesDArmor.code, 1],
    ]);
    const { zoneDe, zones } = zonesDeResidence(effectifs, SEUIL_SECRET_STATISTIQUE);
    expect(zoneDe.get('35238')).toEqual({ code: '35238', type: 'commune', libelle: 'Rennes' });
    for (const c of metropole) expect(zoneDe.get(c.code)).toMatchObject({ code: `EPCI-${rennes.epci}`, type: 'epci' });
    expect(zoneDe.get(y.code)).toMatchObject({ code: 'DEP-35-AUTRES', type: 'departement_autres' });
    expect(zoneDe.get(z.code)).toBe(zoneDe.get(y.code));
    expect(zoneDe.get(cotesDArmor.code)).toMatchObject({ code: 'AUTRES', type: 'autres' });
    expect(zones.map((z) => [z.code, z.communes.length])).toEqual([
      ['35238', 1],
      ['AUTRES', 1],
      ['DEP-35-AUTRES', 2],
      [`EPCI-${rennes.epci}`, 3],
    ]);
  });

  it('refuses another territory (403), and gives a région only the lycées of one of its départements', async () => {
    const appels: Array<[string, string]> = [
      ['/api-ecole/v1/departements/22/eleves-anonymises', dep],
      ['/api-ecole/v1/regions/53/eleves-anonymises', dep],
      ['/api-ecole/v1/departements/44/eleves-anonymises', region],
      ['/api-ecole/v1/regions/52/eleves-anonymises', region],
    ];
    for (const [chemin, jeton] of appels) {
      const rep = await request(t.app).get(chemin).set('Authorization', `Bearer ${jeton}`);
      expect([chemin, rep.status, rep.body.code]).toEqual([chemin, 403, 'hors_territoire']);
    }
    const mairie = await request(t.app)
      .get('/api-ecole/v1/departements/35/eleves-anonymises')
      .set('Authorization', `Bearer ${await t.jeton('demo-mairie-rennes')}`);
    expect(mairie.status).toBe(403);
    expect((await request(t.app).get('/api-ecole/v1/departements/99/eleves-anonymises').set('Authorization', `Bearer ${dep}`)).status).toBe(404);

    const lyceesDu35 = await fichier('/api-ecole/v1/departements/35/eleves-anonymises', region);
    expect(lyceesDu35.entete.types_etablissement).toEqual(['lycee']);
    const lycees = new Set(await t.db('etablissements').where({ type: 'lycee', statut: 'public', code_departement: '35' }).pluck('uai'));
    expect(lyceesDu35.eleves.length).toBeGreaterThan(0);
    for (const e of lyceesDu35.eleves) expect(lycees).toContain(e.uai);
  });

  it('gives, since a sync token, exactly the difference of the two files', async () => {
    const dernier = await fichier('/api-ecole/v1/departements/35/eleves-anonymises', dep);
    const generation = await t.db('generations').orderBy('id', 'desc').first('dates_publication');
    const dates = readJson<string[]>(generation.dates_publication).filter((d) => d <= aujourdhui());
    expect(dernier.entete.date_reference).toBe(dates[dates.length - 1]);
    // The oldest file whose token is still valid (13 months): the previous school year's June file, the rentrée reading as changes.
    const plusAncienne = dates.find((d) => ajouterMoisMemeJour(d, VALIDITE_MOIS) > aujourdhui())!;
    const premier = await fichier('/api-ecole/v1/departements/35/eleves-anonymises', dep, plusAncienne);
    expect(premier.entete.date_reference).toBe(plusAncienne);

    const ajouts: Eleve[] = [];
    const modifications: Array<{ champs_modifies: string[]; eleve: Eleve }> = [];
    const retraits: Array<{ id: string }> = [];
    let curseur: string | undefined;
    do {
      const rep = await request(t.app)
        .get('/api-ecole/v1/departements/35/eleves-anonymises/changements')
        .query({ depuis: premier.entete.jeton_synchronisation, limit: 100, ...(curseur ? { curseur } : {}) })
        .set('Authorization', `Bearer ${dep}`);
      expect(rep.status).toBe(200);
      ajouts.push(...rep.body.ajouts);
      modifications.push(...rep.body.modifications);
      retraits.push(...rep.body.retraits);
      curseur = rep.body.curseur_suivant ?? undefined;
      if (!curseur) expect(rep.body.jeton_synchronisation).toBe(dernier.entete.jeton_synchronisation);
    } while (curseur);

    const avant = new Map(premier.eleves.map((e) => [e.id, e]));
    const apres = new Map(dernier.eleves.map((e) => [e.id, e]));
    expect(ajouts.map((e) => e.id).sort()).toEqual([...apres.keys()].filter((id) => !avant.has(id)).sort());
    expect(retraits.map((r) => r.id).sort()).toEqual([...avant.keys()].filter((id) => !apres.has(id)).sort());
    expect(modifications.map((m) => m.eleve.id).sort()).toEqual(
      [...apres.keys()].filter((id) => avant.has(id) && JSON.stringify(avant.get(id)) !== JSON.stringify(apres.get(id))).sort(),
    );
    for (const e of ajouts) expect(e).toEqual(apres.get(e.id));
    for (const m of modifications) {
      expect(m.eleve).toEqual(apres.get(m.eleve.id));
      expect(m.champs_modifies.length).toBeGreaterThan(0);
    }
    if (dates.length > 1) expect(ajouts.length + retraits.length).toBeGreaterThan(0);

    // Applying the changes to the first file gives the last one.
    for (const r of retraits) avant.delete(r.id);
    for (const e of [...ajouts, ...modifications.map((m) => m.eleve)]) avant.set(e.id, e);
    expect([...avant.values()].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(dernier.eleves);

    // Another recipient's token, or a forged one, is refused: download the whole file again.
    const etranger = await request(t.app)
      .get('/api-ecole/v1/departements/35/eleves-anonymises/changements')
      .query({ depuis: premier.entete.jeton_synchronisation })
      .set('Authorization', `Bearer ${autre}`);
    expect([etranger.status, etranger.body.code]).toEqual([410, 'jeton_synchronisation_perime']);
  });

  it('journals the whole file as one disclosure before sending it, and answers 304 to a current copy', async () => {
    const avant = Number((await t.db('journal').max({ s: 'sequence' }).first())?.s ?? 0);
    const { entete } = await fichier('/api-ecole/v1/regions/53/eleves-anonymises', region);
    const entrees = await t.db('journal').where('sequence', '>', avant).select('operation', 'siret', 'finalite', 'champs');
    expect(entrees).toHaveLength(1);
    expect(entrees[0]).toMatchObject({ operation: 'ElevesAnonymisesRegion', siret: '23350001600016', finalite: 'sectorisation_mixite_sociale' });
    expect(readJson<string[]>(entrees[0].champs)).toContain('echelon_bourse');
    expect(entete.nombre_eleves).toBeGreaterThan(0);

    const page = await request(t.app).get('/api-ecole/v1/departements/35/eleves-anonymises?limit=10').set('Authorization', `Bearer ${dep}`);
    expect(page.status).toBe(200);
    expect(page.body.eleves).toHaveLength(10);
    expect(page.headers.link).toContain('rel="next"');
    const revalidation = await request(t.app)
      .get('/api-ecole/v1/departements/35/eleves-anonymises?limit=10')
      .set('Authorization', `Bearer ${dep}`)
      .set('If-None-Match', page.headers.etag);
    expect(revalidation.status).toBe(304);
  });

  it('opens in French Excel: BOM, semicolons, one row per pupil', async () => {
    const { entete } = await fichier('/api-ecole/v1/departements/35/eleves-anonymises', dep);
    const rep = await request(t.app).get('/api-ecole/v1/departements/35/eleves-anonymises').set('Accept', 'text/csv').set('Authorization', `Bearer ${dep}`);
    expect(rep.status).toBe(200);
    expect(rep.headers['content-type']).toContain('text/csv');
    const lignes = rep.text.split('\r\n').filter((l) => l.length > 0);
    expect(lignes[0].startsWith('\uFEFFidentifiant;zone_residence;')).toBe(true);
    expect(lignes[0]).not.toContain('echelon_bourse');
    expect(lignes).toHaveLength(entete.nombre_eleves + 1);
  });
});
