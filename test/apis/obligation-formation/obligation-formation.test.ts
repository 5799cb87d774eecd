/**
 * The 16–18 training-obligation list, through real HTTP on a real database: who is on it on a
 * publication day (ages computed from the clock's publications), the masks of the two scopes, the
 * territory of a mission locale and of a région, the change feed (list at D1 + changes = list at
 * D2, with the motifs of those who turned 18 or found a training place), CSV, NDJSON, 304 and the
 * journal.
 */
import request from 'supertest';
import { CLIENTS_DEMO } from '../../../src/demo/demo';
import { GRAINE_DEMO } from '../../../src/demarrage';
import { aujourdhui } from '../../../src/horloge';
import { pseudonyme } from '../../../src/privacy/pseudonyme';
import { ajouterMoisMemeJour, anniversaire, datesPublication } from '../../../src/referentiels/calendrier';
import { VALIDITE_MOIS } from '../../../src/listes/jeton-synchronisation';
import { CHAMPS_PAR_SCOPE } from '../../../src/registry/scopes';
import { ficheAuJour, parametresDeLaGeneration, simulerJeunes, type Jeune } from '../../../src/synthetique/obligation-formation';
import { geographieOfficielle } from '../../../src/territoire/geographie';
import { demarrerAppDeTest, type AppDeTest } from '../../support/app';

type Fiche = Record<string, any> & { id: string }; // eslint-disable-line @typescript-eslint/no-explicit-any

const DEPARTEMENT = '/api-scolarite/v1/obligation-formation/departement/35';
const REGION = '/api-scolarite/v1/obligation-formation/region/53';

let t: AppDeTest;
let mission: string;
let region: string;
let jeunes: Jeune[];
const publications = datesPublication(aujourdhui());
const derniere = publications[publications.length - 1];
const siretDe = (clientId: string) => CLIENTS_DEMO.find((c) => c.clientId === clientId)!.destinataire.siret;

beforeAll(async () => {
  // Pages, files and feeds in quick succession: the per-habilitation limit (20/s by default) is not what is tested here.
  t = await demarrerAppDeTest({ LIMITE_REQUETES_PAR_SECONDE: '1000' });
  mission = await t.jeton('demo-mission-locale-rennes');
  region = await t.jeton('demo-region-bretagne', 'scolarite:obligation-formation');
  // The source system's young people, drawn again from the generation's inputs: the oracle of who is on a list when.
  jeunes = simulerJeunes(await parametresDeLaGeneration(t.db, GRAINE_DEMO));
});
afterAll(() => t.fermer());

function appeler(jeton: string, url: string): request.Test {
  return request(t.app).get(url).set('Authorization', `Bearer ${jeton}`);
}

/** Every page, following `Link: rel="next"`. */
async function liste(jeton: string, url: string): Promise<{ jeunes: Map<string, Fiche>; corps: Record<string, unknown> }> {
  const tous = new Map<string, Fiche>();
  let suivante: string | undefined = url;
  let corps: Record<string, unknown> = {};
  while (suivante) {
    const rep = await appeler(jeton, suivante);
    expect(rep.status).toBe(200);
    for (const j of rep.body.jeunes as Fiche[]) {
      expect(tous.has(j.id)).toBe(false);
      tous.set(j.id, j);
    }
    corps = rep.body;
    suivante = /<([^>]+)>;\s*rel="next"/.exec(rep.headers.link ?? '')?.[1]?.replace(/^https?:\/\/[^/]+/, '');
  }
  return { jeunes: tous, corps };
}

/** The oracle: the internal ids of the young people of département 35 on `date`, pseudonymised for `clientId`. */
function attendus(date: string, clientId: string): Map<string, Jeune> {
  const geo = geographieOfficielle();
  const ids = new Map<string, Jeune>();
  for (const j of jeunes) {
    const f = ficheAuJour(j, date);
    if (f && geo.commune(f.code_commune).departement === '35') ids.set(pseudonyme(t.config.cles.pseudonyme, j.id, siretDe(clientId)), j);
  }
  return ids;
}

describe('la liste du jour de publication', () => {
  it('nomme les jeunes de 16 à 18 ans sortis sans diplôme du département, avec leur adresse pour la mission locale', async () => {
    const { jeunes: lus, corps } = await liste(mission, `${DEPARTEMENT}?limit=3`);
    expect(corps).toMatchObject({ niveau: 'departement', code: '35', date_reference: derniere, nombre_total: lus.size });
    const attendu = attendus(derniere, 'demo-mission-locale-rennes');
    expect(lus.size).toBeGreaterThan(0);
    expect([...lus.keys()].sort()).toEqual([...attendu.keys()].sort());
    const geo = geographieOfficielle();
    for (const j of lus.values()) {
      // Subject to the training obligation on the publication day: 16 reached, 18 not yet.
      expect(anniversaire(j.date_naissance, 16) <= derniere).toBe(true);
      expect(anniversaire(j.date_naissance, 18) > derniere).toBe(true);
      expect(j.date_sortie <= derniere).toBe(true);
      expect(geo.commune(j.commune_residence.code_insee).departement).toBe('35');
      expect(j.adresse.code_insee).toBe(j.commune_residence.code_insee);
      expect(['sortie_sans_diplome', 'arrivee']).toContain(j.motif_entree.code);
      expect(j.derniere_classe.niveau.code).toBe(attendu.get(j.id)!.niveau);
      if (j.dernier_etablissement) expect(j.dernier_etablissement.nom).toEqual(expect.any(String));
    }
  });

  it('donne à la région la même liste, sans adresse, et sa région entière', async () => {
    const { jeunes: departement } = await liste(mission, DEPARTEMENT);
    const { jeunes: lus } = await liste(region, DEPARTEMENT);
    const identite = (j: Fiche) => `${j.nom}|${j.prenoms}|${j.date_naissance}`;
    expect([...lus.values()].map(identite).sort()).toEqual([...departement.values()].map(identite).sort());
    expect([...lus.keys()].sort()).toEqual([...attendus(derniere, 'demo-region-bretagne').keys()].sort());
    const champs = CHAMPS_PAR_SCOPE['scolarite:obligation-formation'];
    for (const j of lus.values()) {
      expect(j.adresse).toBeUndefined();
      expect(Object.keys(j).every((c) => champs.includes(c))).toBe(true);
    }
    // The generated territory lies in Ille-et-Vilaine: the région's list is the département's.
    const { jeunes: regionEntiere, corps } = await liste(region, REGION);
    expect(corps).toMatchObject({ niveau: 'region', code: '53' });
    expect([...regionEntiere.keys()].sort()).toEqual([...lus.keys()].sort());
  });

  it("refuse un territoire hors de l'habilitation, un territoire inconnu, un niveau inconnu", async () => {
    for (const url of [REGION, '/api-scolarite/v1/obligation-formation/departement/22']) {
      const rep = await appeler(mission, url);
      expect(rep.status).toBe(403);
      expect(rep.body.code).toBe('hors_territoire');
    }
    expect((await appeler(region, '/api-scolarite/v1/obligation-formation/departement/44')).status).toBe(403);
    expect((await appeler(region, '/api-scolarite/v1/obligation-formation/region/52')).status).toBe(403);
    expect((await appeler(mission, '/api-scolarite/v1/obligation-formation/departement/99')).status).toBe(404);
    expect((await appeler(mission, '/api-scolarite/v1/obligation-formation/commune/35238')).status).toBe(400);
    const mairie = await t.jeton('demo-mairie-rennes');
    expect((await appeler(mairie, DEPARTEMENT)).status).toBe(403);
  });

  it('donne chaque publication du mois par dateReference, 422 pour une autre date', async () => {
    const { corps } = await liste(mission, `${DEPARTEMENT}?dateReference=${publications[0]}`);
    expect(corps.date_reference).toBe(publications[0]);
    expect(corps.nombre_total).toBe(attendus(publications[0], 'demo-mission-locale-rennes').size);
    expect((await appeler(mission, `${DEPARTEMENT}?dateReference=2019-01-01`)).status).toBe(422);
  });
});

describe('les changements depuis un jeton de synchronisation', () => {
  it('appliqués à la liste de D1, donnent la liste de D2 ; ceux qui ont eu 18 ans ou trouvé une formation en sortent avec leur motif', async () => {
    // The oldest list whose token is still valid (13 months): the June list, except in July.
    const d1 = publications.find((p) => ajouterMoisMemeJour(p, VALIDITE_MOIS) > aujourdhui())!;
    const avant = await liste(mission, `${DEPARTEMENT}?dateReference=${d1}&limit=4`);
    const apres = await liste(mission, DEPARTEMENT);
    const copie = new Map(avant.jeunes);
    const retraits = new Map<string, string>();
    let suivante: string | undefined = `${DEPARTEMENT}/changements?depuis=${encodeURIComponent(String(avant.corps.jeton_synchronisation))}&limit=3`;
    let jeton = '';
    while (suivante) {
      const rep = await appeler(mission, suivante);
      expect(rep.status).toBe(200);
      expect(rep.body).toMatchObject({ niveau: 'departement', code: '35', depuis: d1, date_reference: derniere });
      for (const j of rep.body.ajouts) copie.set(j.id, j);
      for (const m of rep.body.modifications) {
        expect(copie.has(m.jeune.id)).toBe(true);
        copie.set(m.jeune.id, m.jeune);
      }
      for (const r of rep.body.retraits) {
        expect(copie.delete(r.id)).toBe(true);
        retraits.set(r.id, r.motif);
      }
      jeton = rep.body.jeton_synchronisation;
      suivante = /<([^>]+)>;\s*rel="next"/.exec(rep.headers.link ?? '')?.[1]?.replace(/^https?:\/\/[^/]+/, '');
    }
    expect(jeton).toBe(apres.corps.jeton_synchronisation);
    expect(Object.fromEntries(copie)).toEqual(Object.fromEntries(apres.jeunes));

    // Each removal carries the young person's own reason; 18 reached by D2 for `fin_obligation`.
    const attenduAvant = attendus(d1, 'demo-mission-locale-rennes');
    const attenduApres = attendus(derniere, 'demo-mission-locale-rennes');
    const sortis = [...attenduAvant].filter(([id]) => !attenduApres.has(id));
    expect(Object.fromEntries(retraits)).toEqual(Object.fromEntries(sortis.map(([id, j]) => [id, j.motifFin])));
    for (const [id, motif] of retraits) {
      const naissance = avant.jeunes.get(id)!.date_naissance as string;
      if (motif === 'fin_obligation') expect(anniversaire(naissance, 18) <= derniere).toBe(true);
      else expect(anniversaire(naissance, 18) > d1).toBe(true);
    }
    const motifs = new Set(retraits.values());
    expect(motifs.has('fin_obligation')).toBe(true);
    expect(['retour_formation', 'apprentissage', 'emploi_ou_service_civique'].some((m) => motifs.has(m))).toBe(true);
  });

  it("refuse le jeton d'un autre destinataire ou d'un autre territoire (410)", async () => {
    const { corps } = await liste(region, REGION);
    const jeton = encodeURIComponent(String(corps.jeton_synchronisation));
    expect((await appeler(region, `${DEPARTEMENT}/changements?depuis=${jeton}`)).status).toBe(410);
    const { corps: duDepartement } = await liste(region, DEPARTEMENT);
    const autre = encodeURIComponent(String(duDepartement.jeton_synchronisation));
    expect((await appeler(mission, `${DEPARTEMENT}/changements?depuis=${autre}`)).status).toBe(410);
  });
});

describe('fichiers, requêtes conditionnelles et journal', () => {
  it('donne la liste entière en CSV (adresse selon le scope) et en NDJSON', async () => {
    const total = attendus(derniere, 'demo-mission-locale-rennes').size;
    const csv = await appeler(mission, DEPARTEMENT).set('Accept', 'text/csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lignes = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lignes[0].split(';')).toEqual(expect.arrayContaining(['identifiant', 'nom', 'adresse', 'uai_dernier_etablissement', 'date_sortie']));
    expect(lignes).toHaveLength(total + 1);
    const csvRegion = await appeler(region, DEPARTEMENT).set('Accept', 'text/csv');
    expect(csvRegion.text.split(/\r?\n/)[0].split(';')).not.toContain('adresse');

    const nd = await appeler(mission, `${DEPARTEMENT}?format=ndjson`);
    expect(nd.status).toBe(200);
    const [entete, ...fiches] = nd.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(entete).toMatchObject({ niveau: 'departement', code: '35', date_reference: derniere, nombre_total: total });
    expect(fiches.map((f) => f.id).sort()).toEqual([...attendus(derniere, 'demo-mission-locale-rennes').keys()].sort());
  });

  it('journalise chaque page communiquée, pas les 304', async () => {
    const sequence = Number((await t.db('journal').max({ s: 'sequence' }).first())?.s ?? 0);
    const page = await appeler(mission, `${DEPARTEMENT}?limit=2`);
    expect(page.status).toBe(200);
    expect((await appeler(mission, `${DEPARTEMENT}?limit=2`).set('If-None-Match', page.headers.etag)).status).toBe(304);
    const entrees = await t.db('journal').where('sequence', '>', sequence).orderBy('sequence');
    expect(entrees).toHaveLength(1);
    expect(entrees[0]).toMatchObject({
      api: 'api-scolarite',
      operation: 'JeunesObligationFormation',
      siret: siretDe('demo-mission-locale-rennes'),
      finalite: 'obligation_formation',
      nombre_personnes: page.body.jeunes.length,
      request_id: page.headers['x-request-id'],
    });
    expect((JSON.parse(entrees[0].champs) as string[]).some((c) => c.startsWith('adresse'))).toBe(true);
  });

  it('laisse le DPO retrouver le jeune et ses communications, et refuse une opposition (obligation légale)', async () => {
    const page = await appeler(mission, `${DEPARTEMENT}?limit=1`);
    const [lu] = page.body.jeunes as Fiche[];
    const operateur = await t.jeton('demo-operateur');
    const rapport = await appeler(
      operateur,
      `/dpo/personnes/divulgations?${new URLSearchParams({ nom: lu.nom, prenoms: lu.prenoms, dateNaissance: lu.date_naissance })}`,
    );
    expect(rapport.status).toBe(200);
    expect(rapport.body.communications).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          siret: siretDe('demo-mission-locale-rennes'),
          operation: 'JeunesObligationFormation',
          request_id: page.headers['x-request-id'],
        }),
      ]),
    );
    const opposition = await request(t.app)
      .post('/dpo/oppositions')
      .set('Authorization', `Bearer ${operateur}`)
      .send({ id_interne: rapport.body.id_interne, finalite: 'obligation_formation', origine: 'courrier du jeune' });
    expect(opposition.status).toBe(422);
    expect(opposition.body.code).toBe('opposition_non_applicable');
  });
});
