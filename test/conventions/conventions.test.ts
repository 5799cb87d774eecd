import request from 'supertest';
import { authentifier } from '../../src/auth/principal';
import { dernierJourEnVigueur, veille } from '../../src/conventions/termes';
import { ajouterMoisBorne } from '../../src/referentiels/calendrier';
import { aujourdhui } from '../../src/horloge';
import { demarrerAppDeTest, type AppDeTest } from '../support/app';

let t: AppDeTest;
let operateur: string;
/** The public census before this file records anything: the demo's fictitious conventions (test/conventions/demo.test.ts). */
let avant: Cellule[];
beforeAll(async () => {
  t = await demarrerAppDeTest();
  operateur = await t.jeton('demo-operateur');
  avant = (await request(t.app).get('/catalogue/conventions')).body.agregats;
});
afterAll(() => t.fermer());

const admin = () => ({ Authorization: `Bearer ${operateur}` });
const REGION_BRETAGNE = '23350001600016';
const il_y_a = (mois: number) => ajouterMoisBorne(aujourdhui(), -mois);

interface Cellule {
  academie_code: string | null;
  type: string;
  statut: string;
  nombre: number;
}
const nombre = (agregats: Cellule[], academie: string | null, type: string, statut: string) =>
  agregats.find((c) => c.academie_code === academie && c.type === type && c.statut === statut)?.nombre ?? 0;

/** The 2015 DEPP–ARF style: national frame, one year tacitly renewed, one year of notice. */
const cadre2015 = {
  reference: 'DEPP-ARF-2015',
  type: 'cadre_national',
  academie_code: null,
  collectivite_siret: '30145395600031',
  collectivite_nom: 'Régions de France',
  collectivite_nature: 'groupement',
  objet: 'Échanges de données statistiques entre la DEPP, les académies et les Régions',
  perimetre: { traitements: ['SIECLE'], apis: ['api-ecole'], scopes: ['ecole:effectifs'] },
  date_signature: '2015-03-12',
  preavis_mois: 12,
};

/** Normandy style: tripartite with an EPLE, one year tacitly renewed, six months of notice. */
const normande = (reference: string, academie: string, siret: string, nom: string, nature = 'region') => ({
  reference,
  type: 'tripartite',
  academie_code: academie,
  collectivite_siret: siret,
  collectivite_nom: nom,
  collectivite_nature: nature,
  etablissements: [{ uai: '0350029S', chef_etablissement: 'Proviseur' }],
  objet: "Mise à disposition de l'annuaire fédérateur pour l'ENT",
  perimetre: { scopes: ['ecole:effectifs', 'ecole:capacites'] },
  date_signature: il_y_a(14),
  preavis_mois: 6,
});

async function enregistrer(corps: object): Promise<request.Response> {
  return request(t.app).post('/admin/conventions').set(admin()).send(corps);
}

describe('conventions registry', () => {
  let cadre: { id: string };
  let bretagne: { id: string };

  beforeAll(async () => {
    cadre = (await enregistrer(cadre2015)).body;
    bretagne = (await enregistrer(normande('ENT-BZH-0350029S', '14', REGION_BRETAGNE, 'Région Bretagne'))).body;
    await enregistrer({
      ...normande('ENT-NORM-0141275K', '70', '23140001300018', 'Région Normandie'),
      etablissements: [{ uai: '0141275K', chef_etablissement: 'Proviseure' }],
    });
    await enregistrer({
      ...normande('CONV-RENNES-ONDE', '14', '21350238800019', 'Ville de Rennes', 'commune'),
      type: 'convention_locale',
      etablissements: [],
      reconduction_tacite: false,
      date_signature: il_y_a(13),
    });
  });

  it('records a convention with the defaults of the model (12 months, tacit renewal) and its computed status', async () => {
    const rep = await request(t.app).get(`/admin/conventions/${cadre.id}`).set(admin());
    expect(rep.status).toBe(200);
    expect(rep.body).toMatchObject({
      reference: 'DEPP-ARF-2015',
      date_effet: '2015-03-12',
      duree_mois: 12,
      reconduction_tacite: true,
      preavis_mois: 12,
      statut: 'en_vigueur',
      dernier_jour: null,
      academie: null,
      version: 1,
    });
    expect(rep.body.fin_periode_en_cours >= aujourdhui()).toBe(true);
  });

  it('refuses a tripartite convention without an EPLE, an unknown académie or scope, naming the fields only', async () => {
    const rep = await enregistrer({
      ...normande('X-1', '99', REGION_BRETAGNE, 'Région Bretagne'),
      etablissements: [],
      perimetre: { scopes: ['inconnu:scope'] },
    });
    expect(rep.status).toBe(400);
    expect(rep.body.erreurs.map((e: { champ: string }) => e.champ).sort()).toEqual(['academie_code', 'etablissements', 'perimetre.scopes']);
    expect(JSON.stringify(rep.body)).not.toContain('inconnu:scope');
    expect((await enregistrer(cadre2015)).status).toBe(409);
  });

  it('a convention without tacit renewal has expired after its twelve months', async () => {
    const rep = await request(t.app).get('/admin/conventions').query({ statut: 'expiree' }).set(admin());
    const enregistreesIci = rep.body.map((c: { reference: string }) => c.reference).filter((r: string) => !r.startsWith('DEMO-'));
    expect(enregistreesIci).toEqual(['CONV-RENNES-ONDE']);
  });

  it('keeps every change with its author and reason', async () => {
    const sansMotif = await request(t.app).patch(`/admin/conventions/${bretagne.id}`).set(admin()).send({ objet: 'Nouvel objet' });
    expect(sansMotif.status).toBe(400);
    const avenant = await request(t.app)
      .patch(`/admin/conventions/${bretagne.id}`)
      .set(admin())
      .send({ perimetre: { scopes: ['ecole:effectifs', 'ecole:capacites', 'ecole:previsions'] }, motif: 'Avenant n° 1 : prévisions' });
    expect(avenant.status).toBe(200);
    expect(avenant.body.version).toBe(2);
    expect(avenant.body.perimetre.scopes).toEqual(['ecole:capacites', 'ecole:effectifs', 'ecole:previsions']);
    const historique = await request(t.app).get(`/admin/conventions/${bretagne.id}/historique`).set(admin());
    expect(historique.body.map((h: { action: string }) => h.action)).toEqual(['enregistrement', 'modification']);
    expect(historique.body[1]).toMatchObject({ acteur: 'client:demo-operateur', motif: 'Avenant n° 1 : prévisions', champs_modifies: ['perimetre'] });
    expect(historique.body[0].etat.perimetre.scopes).toEqual(['ecole:capacites', 'ecole:effectifs']);
  });
});

describe('census at /catalogue/conventions', () => {
  it('public view: counts by académie × type × status, without any party', async () => {
    const rep = await request(t.app).get('/catalogue/conventions');
    expect(rep.status).toBe(200);
    expect(rep.body.vue).toBe('publique');
    expect(rep.body.conventions).toBeUndefined();
    const texte = JSON.stringify(rep.body);
    for (const secret of ['Région Bretagne', REGION_BRETAGNE, '0350029S', 'Proviseur']) expect(texte).not.toContain(secret);
    const total = rep.body.agregats.reduce((n: number, c: { nombre: number }) => n + c.nombre, 0);
    expect(total).toBe(rep.body.total);
    expect(rep.body.agregats).toContainEqual({
      academie_code: '14',
      academie: 'Rennes',
      type: 'tripartite',
      statut: 'en_vigueur',
      nombre: nombre(avant, '14', 'tripartite', 'en_vigueur') + 1,
    });
    expect(rep.body.agregats).toContainEqual({
      academie_code: null,
      academie: 'National',
      type: 'cadre_national',
      statut: 'en_vigueur',
      nombre: nombre(avant, null, 'cadre_national', 'en_vigueur') + 1,
    });
  });

  it('filters by académie, région (through the académie), type and status', async () => {
    const compte = async (query: Record<string, string>) => (await request(t.app).get('/catalogue/conventions').query(query)).body.total;
    const tous = await compte({});
    expect(await compte({ academie: '14' })).toBe((await request(t.app).get('/admin/conventions').query({ academie: '14' }).set(admin())).body.length);
    expect(await compte({ region: '53' })).toBe(await compte({ academie: '14' }));
    expect(await compte({ region: '28' })).toBe(await compte({ academie: '70' }));
    expect(await compte({ region: '84' })).toBe((await compte({ academie: '06' })) + (await compte({ academie: '08' })) + (await compte({ academie: '10' })));
    expect(await compte({ region: '84' })).toBeGreaterThan(0);
    expect((await compte({ type: 'tripartite' })) + (await compte({ type: 'convention_locale' })) + (await compte({ type: 'cadre_national' }))).toBe(tous);
    expect(
      (await compte({ statut: 'expiree' })) +
        (await compte({ statut: 'en_vigueur' })) +
        (await compte({ statut: 'denoncee' })) +
        (await compte({ statut: 'a_venir' })),
    ).toBe(tous);
    expect((await request(t.app).get('/catalogue/conventions').query({ statut: 'abrogee' })).status).toBe(400);
  });

  it('detailed view for the scope conventions:lecture; a token without it sees the public view, a bad one 401', async () => {
    const detail = await request(t.app).get('/catalogue/conventions').query({ academie: '14', limit: 1 }).set(admin());
    expect(detail.body.vue).toBe('detaillee');
    expect(detail.body.conventions).toHaveLength(1);
    expect(detail.headers.link).toMatch(/rel="next"/);
    const suite = await request(t.app).get('/catalogue/conventions').query({ academie: '14', limit: 1, curseur: detail.body.curseur_suivant }).set(admin());
    expect(suite.body.conventions[0].reference).not.toBe(detail.body.conventions[0].reference);
    expect(detail.headers['cache-control']).toContain('private');

    const mairie = await t.jeton('demo-mairie-rennes');
    const publique = await request(t.app).get('/catalogue/conventions').set('Authorization', `Bearer ${mairie}`);
    expect(publique.status).toBe(200);
    expect(publique.body.vue).toBe('publique');
    expect(publique.body.conventions).toBeUndefined();
    const faux = await request(t.app).get('/catalogue/conventions').set('Authorization', 'Bearer inconnu');
    expect(faux.status).toBe(401);
    expect(faux.headers['www-authenticate']).toContain('invalid_token');
  });

  it('exports CSV for French Excel: BOM, semicolons, aggregated without token, detailed with it', async () => {
    const publique = await request(t.app)
      .get('/catalogue/conventions')
      .set('Accept', 'text/csv')
      .buffer(true)
      .parse((res, cb) => {
        let s = '';
        res.setEncoding('utf8');
        res.on('data', (c) => {
          s += c;
        });
        res.on('end', () => cb(null, s));
      });
    expect(publique.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(publique.headers['content-disposition']).toMatch(/attachment; filename="conventions-recensement-\d{4}-\d{2}-\d{2}\.csv"/);
    const texte = publique.body as string;
    expect(texte.charCodeAt(0)).toBe(0xfeff);
    const lignes = texte.slice(1).trim().split('\r\n');
    expect(lignes[0]).toBe('Code académie;Académie;Type;Statut;Nombre');
    expect(texte).not.toContain(REGION_BRETAGNE);

    const detaille = await request(t.app).get('/catalogue/conventions').query({ format: 'csv', type: 'tripartite' }).set(admin());
    const lignesDetail = detaille.text.slice(1).trim().split('\r\n');
    expect(lignesDetail).toHaveLength(1 + (await request(t.app).get('/catalogue/conventions').query({ type: 'tripartite' })).body.total);
    expect(lignesDetail.some((l) => l.startsWith('ENT-BZH-0350029S;tripartite;14;Rennes;Région Bretagne;23350001600016'))).toBe(true);
  });
});

describe('a habilitation resting on a convention ends with it', () => {
  it('a token obtained before the convention ends is refused after, without any scheduled job', async () => {
    const conv = await enregistrer({
      ...normande('ENT-BZH-0350030T', '14', REGION_BRETAGNE, 'Région Bretagne'),
      etablissements: [{ uai: '0350030T', chef_etablissement: 'Principal' }],
    });
    expect(conv.status).toBe(201);
    const h = await request(t.app)
      .post('/admin/habilitations')
      .set(admin())
      .send({
        siret: REGION_BRETAGNE,
        finalite: 'planification_scolaire',
        scopes: ['ecole:capacites'],
        intitule: 'Capacités des lycées (convention ENT)',
        date_debut: il_y_a(1),
        date_fin: ajouterMoisBorne(aujourdhui(), 24),
        convention_id: conv.body.id,
      });
    expect(h.status).toBe(201);
    await request(t.app).post(`/admin/habilitations/${h.body.id}/validation`).set(admin()).send({});
    // Région Bretagne already holds ecole:capacites through another habilitation: remove that one to isolate the convention's effect.
    const autres = (await request(t.app).get('/admin/habilitations').query({ siret: REGION_BRETAGNE, statut: 'validee' }).set(admin())).body.filter(
      (x: { id: string; scopes: string[] }) => x.id !== h.body.id && x.scopes.includes('ecole:capacites'),
    );
    for (const autre of autres) await request(t.app).post(`/admin/habilitations/${autre.id}/revocation`).set(admin()).send({ motif: 'isolement du test' });

    const jeton = await t.jeton('demo-region-bretagne', 'ecole:capacites');
    const appel = () => authentifier(t.db, `Bearer ${jeton}`, ['ecole:capacites']);
    await expect(appel()).resolves.toMatchObject({ scopes: ['ecole:capacites'] });

    // Denounced today with six months of notice: still in force, the token still works.
    const denonciation = await request(t.app)
      .post(`/admin/conventions/${conv.body.id}/denonciation`)
      .set(admin())
      .send({ partie: 'collectivite', motif: 'Changement de fournisseur ENT' });
    expect(denonciation.body).toMatchObject({ statut: 'denoncee', dernier_jour: veille(ajouterMoisBorne(aujourdhui(), 6)) });
    await expect(appel()).resolves.toBeDefined();
    const bientot = await request(t.app)
      .get('/admin/habilitations')
      .query({ expirantAvant: ajouterMoisBorne(aujourdhui(), 7) })
      .set(admin());
    expect(bientot.body.map((x: { id: string }) => x.id)).toContain(h.body.id);
    expect(bientot.body.find((x: { id: string }) => x.id === h.body.id).date_fin_effective).toBe(denonciation.body.dernier_jour);
    expect((await request(t.app).post(`/admin/conventions/${conv.body.id}/denonciation`).set(admin()).send({ partie: 'academie', motif: 'bis' })).status).toBe(
      409,
    );

    // Seven months pass: the denunciation was received seven months ago.
    const recue = il_y_a(7);
    const termes = await t.db('conventions').where({ id: conv.body.id }).first();
    await t
      .db('conventions')
      .where({ id: conv.body.id })
      .update({
        date_denonciation: recue,
        date_fin: dernierJourEnVigueur({ ...termes, reconduction_tacite: Boolean(termes.reconduction_tacite), date_denonciation: recue }),
      });
    await expect(appel()).rejects.toMatchObject({ code: 'habilitation_inactive', statut: 401 });
    const hab = await request(t.app).get(`/admin/habilitations/${h.body.id}`).set(admin());
    expect(hab.body.statut).toBe('expiree');
    const census = await request(t.app).get(`/admin/conventions/${conv.body.id}`).set(admin());
    expect(census.body.statut).toBe('expiree');
    const nouveau = await request(t.app)
      .post('/oauth/token')
      .auth('demo-region-bretagne', 'demo-secret-region-bretagne')
      .type('form')
      .send({ grant_type: 'client_credentials', scope: 'ecole:capacites' });
    expect(nouveau.body.error).toBe('invalid_scope');
    // An expired habilitation cannot be revoked: nothing is left to revoke.
    expect((await request(t.app).post(`/admin/habilitations/${h.body.id}/revocation`).set(admin()).send({ motif: 'x' })).status).toBe(409);
  });

  it('refuses to rest a habilitation on a convention that does not bind the recipient or cover its scopes', async () => {
    const parReference = async (reference: string) =>
      (await request(t.app).get('/admin/conventions').set(admin())).body.find((c: { reference: string }) => c.reference === reference);
    const rep = await request(t.app)
      .post('/admin/habilitations')
      .set(admin())
      .send({
        siret: REGION_BRETAGNE,
        finalite: 'planification_scolaire',
        scopes: ['ecole:effectifs'],
        intitule: 'x',
        date_debut: aujourdhui(),
        date_fin: ajouterMoisBorne(aujourdhui(), 12),
        convention_id: (await parReference('DEPP-ARF-2015')).id,
      });
    expect(rep.status).toBe(422);
    const bretagne = await parReference('ENT-BZH-0350029S');
    const horsPerimetre = await request(t.app)
      .post('/admin/habilitations')
      .set(admin())
      .send({
        siret: REGION_BRETAGNE,
        finalite: 'pilotage_educatif',
        scopes: ['examens:resultats'],
        intitule: 'x',
        date_debut: aujourdhui(),
        date_fin: ajouterMoisBorne(aujourdhui(), 12),
        convention_id: bretagne.id,
      });
    expect(horsPerimetre.status).toBe(422);
    expect(horsPerimetre.body.scopes_refuses).toEqual(['examens:resultats']);
  });
});
