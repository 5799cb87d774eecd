import request from 'supertest';
import { authentifier } from '../../src/auth/principal';
import { listerConventions } from '../../src/conventions/conventions';
import { ajouterMoisBorne } from '../../src/referentiels/calendrier';
import recensementDemo from '../../src/demo/conventions.json';
import { CLIENTS_DEMO, semerConventionsDemo, semerRegistreDemo } from '../../src/demo/demo';
import { aujourdhui, fixerAujourdhui } from '../../src/horloge';
import { habilitationsActives } from '../../src/registry/habilitations';
import { chargerPolitique } from '../../src/registry/politique';
import { demarrerAppDeTest, type AppDeTest } from '../support/app';
import { ouvrirBase } from '../support/base';

/**
 * What a newcomer sees on the demo's census, whatever the day: the fictitious conventions of
 * src/demo/conventions.json keep these statuses because their recent dates are relative to the seeding day.
 */
const STATUTS_ATTENDUS: Record<string, string> = {
  'DEMO-DEPP-ARF-2015': 'en_vigueur',
  'DEMO-CADRE-DEPP-DF': 'a_venir',
  'DEMO-14-REGION-BRETAGNE': 'en_vigueur',
  'DEMO-14-DEPARTEMENT-35': 'en_vigueur',
  'DEMO-14-ENT-0350031U': 'denoncee',
  'DEMO-14-RENNES-BATI': 'expiree',
  'DEMO-70-ENT-0141275K': 'en_vigueur',
  'DEMO-70-ENT-0501219D': 'expiree',
  'DEMO-70-REGION-NORMANDIE': 'en_vigueur',
  'DEMO-10-REGION-AURA': 'en_vigueur',
  'DEMO-06-DEPARTEMENT-15': 'en_vigueur',
  'DEMO-01-REGION-IDF': 'denoncee',
  'DEMO-24-DEPARTEMENT-93': 'a_venir',
  'DEMO-25-VERSAILLES-PERISCOLAIRE': 'expiree',
  'DEMO-27-COLLECTIVITE-CORSE': 'en_vigueur',
  'DEMO-09-REGION-HDF-2016': 'expiree',
  'DEMO-09-REGION-HDF-2021': 'en_vigueur',
  'DEMO-15-TRIPARTITE-0670078W': 'en_vigueur',
  'DEMO-04-BORDEAUX-METROPOLE': 'expiree',
  'DEMO-16-REGION-OCCITANIE': 'en_vigueur',
  'DEMO-17-DEPARTEMENT-44': 'en_vigueur',
  'DEMO-31-MARTINIQUE': 'en_vigueur',
};
const JOURS_DE_LA_CI = ['2026-12-01', '2026-09-02', '2027-07-01'];
/** Demo habilitations resting on a convention: they must work on any day, so their conventions never end. */
const ADOSSEES = CLIENTS_DEMO.flatMap((c) => c.habilitations.filter((h) => h.convention).map((h) => ({ siret: c.destinataire.siret, ...h })));

interface ConventionLue {
  reference: string;
  statut: string;
  date_effet: string;
  dernier_jour: string | null;
  date_denonciation: string | null;
}

let t: AppDeTest;
let operateur: string;
beforeAll(async () => {
  t = await demarrerAppDeTest();
  operateur = await t.jeton('demo-operateur');
});
afterAll(() => t.fermer());

const recensement = (autorisation?: string) => {
  const r = request(t.app).get('/catalogue/conventions');
  return autorisation ? r.set('Authorization', `Bearer ${autorisation}`) : r;
};
const texteCsv = (r: request.Test) =>
  r.buffer(true).parse((res, cb) => {
    let s = '';
    res.setEncoding('utf8');
    res.on('data', (c) => {
      s += c;
    });
    res.on('end', () => cb(null, s));
  });
const lignesCsv = (texte: string) => texte.slice(1).trim().split('\r\n');

describe('the demo census (fictitious conventions of src/demo/conventions.json)', () => {
  it('is not empty: several académies, every type, the national frames', async () => {
    const rep = await recensement();
    expect(rep.status).toBe(200);
    expect(rep.body.total).toBe(recensementDemo.conventions.length);
    expect(rep.body.total).toBe(Object.keys(STATUTS_ATTENDUS).length);
    const academies = new Set(rep.body.agregats.map((c: { academie_code: string | null }) => c.academie_code));
    expect(academies.has(null)).toBe(true);
    expect(academies.size).toBeGreaterThanOrEqual(10);
    expect(new Set(rep.body.agregats.map((c: { type: string }) => c.type))).toEqual(new Set(['cadre_national', 'convention_locale', 'tripartite']));
    expect(rep.body.agregats).toContainEqual({ academie_code: '70', academie: 'Normandie', type: 'tripartite', statut: 'en_vigueur', nombre: 1 });
  });

  it('shows every status, each convention the one expected on this day', async () => {
    const rep = await recensement(operateur).query({ limit: 1000 });
    const conventions: ConventionLue[] = rep.body.conventions;
    expect(Object.fromEntries(conventions.map((c) => [c.reference, c.statut]))).toEqual(STATUTS_ATTENDUS);
    const jour = aujourdhui();
    for (const c of conventions) {
      if (c.statut === 'a_venir') expect(c.date_effet > jour).toBe(true);
      if (c.statut === 'denoncee') expect(c.date_denonciation! <= jour && c.dernier_jour! >= jour).toBe(true);
      if (c.statut === 'expiree') expect(c.dernier_jour! < jour).toBe(true);
    }
  });

  it('is labelled fictitious and recorded through the registry: references DEMO-, history of amendments and denunciations', async () => {
    const conventions: Array<{ id: string; reference: string; version: number }> = (
      await request(t.app).get('/admin/conventions').set('Authorization', `Bearer ${operateur}`)
    ).body;
    expect(conventions.every((c) => c.reference.startsWith('DEMO-'))).toBe(true);
    const loireAtlantique = conventions.find((c) => c.reference === 'DEMO-17-DEPARTEMENT-44')!;
    const historique = (await request(t.app).get(`/admin/conventions/${loireAtlantique.id}/historique`).set('Authorization', `Bearer ${operateur}`)).body;
    expect(historique.map((h: { action: string; acteur: string }) => [h.action, h.acteur])).toEqual([
      ['enregistrement', 'demo'],
      ['modification', 'demo'],
    ]);
    expect(historique[0].motif).toMatch(/fictif/);
    expect(historique[1].champs_modifies).toEqual(['perimetre']);
    const idf = conventions.find((c) => c.reference === 'DEMO-01-REGION-IDF')!;
    expect((await request(t.app).get(`/admin/conventions/${idf.id}/historique`).set('Authorization', `Bearer ${operateur}`)).body[1].action).toBe(
      'denonciation',
    );
  });

  it('is seeded once: a second start leaves it as it is', async () => {
    expect(await semerConventionsDemo(t.db)).toBe(false);
    expect((await recensement()).body.total).toBe(recensementDemo.conventions.length);
  });

  it('exports CSV rows: one per cell for everyone, one per convention with the scope', async () => {
    const publique = await texteCsv(recensement().set('Accept', 'text/csv'));
    const cellules = (await recensement()).body.agregats.length;
    expect(lignesCsv(publique.body as string)).toHaveLength(1 + cellules);
    expect(publique.body).toContain('\r\n14;Rennes;convention_locale;en_vigueur;2\r\n');
    const detail = await texteCsv(recensement(operateur).query({ format: 'csv' }));
    expect(lignesCsv(detail.body as string)).toHaveLength(1 + recensementDemo.conventions.length);
    expect(detail.body).toContain('DEMO-14-ENT-0350031U;tripartite;14;Rennes;Région Bretagne;23350001600016');
  });
});

describe('who sees what on the census', () => {
  it('a valid token without conventions:lecture sees exactly the public view (200, no detail), in JSON and CSV', async () => {
    const anonyme = await recensement();
    const sansScope = [await t.jeton('demo-mairie-rennes'), await t.jeton('demo-caf-35'), await t.jeton('demo-operateur', 'admin')];
    for (const jeton of sansScope) {
      const rep = await recensement(jeton);
      expect(rep.status).toBe(200);
      expect(rep.body).toEqual(anonyme.body);
      expect(rep.body).not.toHaveProperty('conventions');
      expect(rep.body).not.toHaveProperty('curseur_suivant');
      expect(JSON.stringify(rep.body)).not.toContain('Région Bretagne');
      const csv = await texteCsv(recensement(jeton).set('Accept', 'text/csv'));
      expect(csv.status).toBe(200);
      expect(csv.headers['content-disposition']).toMatch(/conventions-recensement-/);
      expect(lignesCsv(csv.body as string)[0]).toBe('Code académie;Académie;Type;Statut;Nombre');
    }
    expect((await recensement('inconnu')).status).toBe(401);
  });

  it('with conventions:lecture, the detail: parties, perimeter, dates, not cached by shared caches', async () => {
    const rep = await recensement(operateur).query({ academie: '14' });
    expect(rep.status).toBe(200);
    expect(rep.body.vue).toBe('detaillee');
    expect(rep.headers['cache-control']).toContain('private');
    const ent = rep.body.conventions.find((c: { reference: string }) => c.reference === 'DEMO-14-ENT-0350031U');
    expect(ent).toMatchObject({
      type: 'tripartite',
      academie: { code: '14', nom: 'Rennes' },
      collectivite: { siret: '23350001600016', nom: 'Région Bretagne', nature: 'region' },
      etablissements: [{ uai: '0350031U', chef_etablissement: 'Proviseur' }],
      perimetre: { traitements: ['SIECLE'] },
      reconduction_tacite: true,
      preavis_mois: 6,
      partie_denoncante: 'etablissement',
    });
  });
});

describe('demo clients keep their habilitations, some resting on demo conventions', () => {
  it('every demo client obtains its scopes and each one opens its operations', async () => {
    for (const client of CLIENTS_DEMO) {
      const scopes = [...new Set(client.habilitations.flatMap((h) => h.scopes))].sort();
      const rep = await request(t.app).post('/oauth/token').auth(client.clientId, client.secret).type('form').send({ grant_type: 'client_credentials' });
      expect(rep.status).toBe(200);
      expect(rep.body.scope.split(' ').sort()).toEqual(scopes);
      for (const scope of scopes) await expect(authentifier(t.db, `Bearer ${rep.body.access_token}`, [scope])).resolves.toBeDefined();
    }
  });

  it('the habilitations of the Région and the Département rest on conventions that never end', async () => {
    expect(ADOSSEES.map((h) => h.convention)).toEqual([
      'DEMO-14-DEPARTEMENT-35',
      'DEMO-14-DEPARTEMENT-35',
      'DEMO-14-REGION-BRETAGNE',
      'DEMO-14-REGION-BRETAGNE',
    ]);
    const admin = { Authorization: `Bearer ${operateur}` };
    const conventions = (await request(t.app).get('/admin/conventions').set(admin)).body;
    for (const h of ADOSSEES) {
      const convention = conventions.find((c: { reference: string }) => c.reference === h.convention);
      expect(convention).toMatchObject({ statut: 'en_vigueur', dernier_jour: null, reconduction_tacite: true, date_denonciation: null });
      const habilitations = (await request(t.app).get('/admin/habilitations').query({ siret: h.siret }).set(admin)).body;
      const adossee = habilitations.find((x: { intitule: string }) => x.intitule === h.intitule);
      expect(adossee).toMatchObject({ convention_id: convention.id, statut: 'validee' });
      expect(adossee.date_fin_effective).toBe(adossee.date_fin);
    }
  });

  it('the Région and the Département call API école and API résultats examens under those habilitations', async () => {
    const session = Number((await t.db('candidats_examens').max({ s: 'session' }).first())!.s);
    const appels: Array<[string, string]> = [
      ['demo-departement-35', '/api-ecole/v1/previsions?codeDepartement=35&horizon=1'],
      ['demo-departement-35', `/api-resultats-examens/v1/sessions/${session}/examens/dnb/territoires/departement/35`],
      ['demo-region-bretagne', '/api-ecole/v1/previsions?codeDepartement=35&horizon=1'],
      ['demo-region-bretagne', `/api-resultats-examens/v1/sessions/${session}/examens/bac/territoires/region/53`],
    ];
    for (const [client, type] of [
      ['demo-departement-35', 'college'],
      ['demo-region-bretagne', 'lycee'],
    ]) {
      const { uai } = await t.db('etablissements as e').join('constats_effectifs as c', 'c.uai', 'e.uai').where({ 'e.type': type }).first('e.uai');
      appels.push([client, `/api-ecole/v1/etablissements/${uai}/effectifs`], [client, `/api-ecole/v1/etablissements/${uai}/capacites`]);
    }
    const jetons: Record<string, string> = {
      'demo-departement-35': await t.jeton('demo-departement-35'),
      'demo-region-bretagne': await t.jeton('demo-region-bretagne'),
    };
    for (const [client, chemin] of appels) {
      const rep = await request(t.app).get(chemin).set('Authorization', `Bearer ${jetons[client]}`);
      expect([client, chemin, rep.status]).toEqual([client, chemin, 200]);
    }
  });
});

describe('seeded on each day the CI runs, the census says the same and the demo habilitations stay open', () => {
  afterAll(() => fixerAujourdhui(process.env.APISATION_AUJOURDHUI));

  it.each(JOURS_DE_LA_CI)('seeded on %s', async (jour) => {
    fixerAujourdhui(jour);
    const { db, fermer } = await ouvrirBase();
    try {
      await chargerPolitique(db);
      expect(await semerConventionsDemo(db)).toBe(true);
      expect(await semerRegistreDemo(db)).toBe(true);
      const conventions = await listerConventions(db);
      expect(Object.fromEntries(conventions.map((c) => [c.reference, c.statut]))).toEqual(STATUTS_ATTENDUS);
      // Habilitations run two years from the seeding day; their conventions never cut them short.
      for (const plusTard of [jour, ajouterMoisBorne(jour, 12), ajouterMoisBorne(jour, 23)]) {
        for (const h of ADOSSEES) {
          const actives = await habilitationsActives(db, h.siret, plusTard);
          expect([plusTard, h.intitule, actives.some((a) => h.scopes.every((s) => a.scopes.includes(s)))]).toEqual([plusTard, h.intitule, true]);
        }
      }
    } finally {
      await fermer();
    }
  });
});
