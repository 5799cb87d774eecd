import request from 'supertest';
import { demarrerAppDeTest, type AppDeTest } from '../../support/app';
import { lettreCleUai } from '../../../src/territoire/uai';

let t: AppDeTest;
beforeAll(async () => {
  t = await demarrerAppDeTest({ LIMITE_REQUETES_PAR_SECONDE: '1000' });
});
afterAll(async () => t.fermer());

const uaisEnBase = async (filtre: Record<string, string> = {}): Promise<string[]> =>
  (await t.db('etablissements').where(filtre).orderBy('uai').select('uai')).map((l: { uai: string }) => l.uai);

/** Follows the Link header from the first page to the last. */
async function parcourir(premiere: string): Promise<{ uais: string[]; pages: number }> {
  const uais: string[] = [];
  let pages = 0;
  for (let url: string | undefined = premiere; url; pages++) {
    const rep = await request(t.app).get(url).expect(200);
    uais.push(...rep.body.etablissements.map((e: { uai: string }) => e.uai));
    const lien = /<([^>]+)>; rel="next"/.exec(rep.headers.link ?? '');
    expect(lien === null).toBe(rep.body.curseur_suivant === null);
    url = lien?.[1];
  }
  return { uais, pages };
}

describe("annuaire ouvert de l'API école", () => {
  it('se consulte sans jeton, avec les en-têtes de limitation de débit', async () => {
    const rep = await request(t.app).get('/api-ecole/v1/etablissements?limit=5').expect(200);
    expect(rep.body.etablissements).toHaveLength(5);
    expect(rep.headers['ratelimit-limit']).toBe('1000');
    expect(rep.body.etablissements[0]).toEqual(expect.objectContaining({ uai: expect.any(String), nom: expect.any(String) }));
    expect(rep.body.etablissements[0]).not.toHaveProperty('empreinte');
  });

  it('sert chaque établissement exactement une fois au fil des pages, dans l’ordre des UAI', async () => {
    const attendus = await uaisEnBase({ code_departement: '35' });
    const { uais, pages } = await parcourir('/api-ecole/v1/etablissements?codeDepartement=35&limit=97');
    expect(uais).toEqual(attendus);
    expect(new Set(uais).size).toBe(uais.length);
    expect(pages).toBe(Math.ceil(attendus.length / 97));
  });

  it('combine les filtres de territoire, de type et de statut', async () => {
    const attendus = await uaisEnBase({ code_commune: '35238', type: 'college', statut: 'public' });
    expect(attendus.length).toBeGreaterThan(0);
    const { uais } = await parcourir('/api-ecole/v1/etablissements?codeCommune=35238&type=college&statut=public&limit=7');
    expect(uais).toEqual(attendus);
    const region = await request(t.app).get('/api-ecole/v1/etablissements?codeRegion=53&type=lycee&limit=1000').expect(200);
    expect(region.body.etablissements.map((e: { uai: string }) => e.uai)).toEqual(await uaisEnBase({ code_region: '53', type: 'lycee' }));
  });

  it('cherche dans le nom sans tenir compte des accents ni de la casse', async () => {
    const accentue = await t.db('etablissements').where('nom', 'like', '%é%').orderBy('uai').first('uai', 'nom');
    const mot = (accentue.nom as string).split(/[\s'-]+/).find((m) => m.includes('é'))!;
    const sansAccent = mot
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toUpperCase();
    const rep = await request(t.app)
      .get(`/api-ecole/v1/etablissements?q=${encodeURIComponent(sansAccent)}&limit=1000`)
      .expect(200);
    const uais = rep.body.etablissements.map((e: { uai: string }) => e.uai);
    expect(uais).toContain(accentue.uai);
    for (const e of rep.body.etablissements) {
      expect(
        e.nom
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .toUpperCase(),
      ).toContain(sansAccent);
    }
  });

  it('refuse une taille de page hors de 1 à 1000 et un curseur illisible, en nommant le paramètre', async () => {
    for (const limit of ['0', '1001', 'beaucoup']) {
      const rep = await request(t.app).get(`/api-ecole/v1/etablissements?limit=${limit}`).expect(400);
      expect(rep.body.code).toBe('requete_invalide');
      expect(rep.body.erreurs.map((e: { champ: string }) => e.champ)).toContain('limit');
    }
    const rep = await request(t.app).get('/api-ecole/v1/etablissements?curseur=%%%').expect(400);
    expect(rep.body.erreurs[0].champ).toBe('curseur');
  });

  it('revalide une page inchangée par ETag (304 sans corps)', async () => {
    const premiere = await request(t.app).get('/api-ecole/v1/etablissements?type=lycee&limit=10').expect(200);
    const etag = premiere.headers.etag;
    const revalidee = await request(t.app).get('/api-ecole/v1/etablissements?type=lycee&limit=10').set('If-None-Match', etag).expect(304);
    expect(revalidee.text).toBe('');
    await request(t.app).get('/api-ecole/v1/etablissements?type=lycee&limit=11').set('If-None-Match', etag).expect(200);
  });
});

describe('un établissement par son UAI', () => {
  it('est servi sans jeton, UAI saisi en minuscules compris', async () => {
    const [uai] = await uaisEnBase({ type: 'college' });
    const rep = await request(t.app).get(`/api-ecole/v1/etablissements/${uai.toLowerCase()}`).expect(200);
    expect(rep.body.uai).toBe(uai);
    expect(rep.body.type).toBe('college');
    expect(typeof rep.body.ecole_maternelle === 'boolean' || rep.body.ecole_maternelle === null).toBe(true);
  });

  it('répond 400 pour un UAI mal formé ou dont la lettre clé est fausse, en nommant le champ', async () => {
    const [uai] = await uaisEnBase();
    const fausseLettre = uai.slice(0, 7) + (uai[7] === 'A' ? 'B' : 'A');
    for (const saisie of [fausseLettre, '035012', 'ABCDEFGH']) {
      const rep = await request(t.app).get(`/api-ecole/v1/etablissements/${saisie}`).expect(400);
      expect(rep.body.code).toBe('requete_invalide');
      expect(rep.body.erreurs).toEqual([expect.objectContaining({ champ: 'uai' })]);
    }
  });

  it('répond 404 pour un UAI bien formé absent de l’annuaire', async () => {
    const connus = new Set(await uaisEnBase());
    let numero = 9_999_999;
    while (connus.has(`${numero}${lettreCleUai(String(numero))}`)) numero--;
    const rep = await request(t.app)
      .get(`/api-ecole/v1/etablissements/${numero}${lettreCleUai(String(numero))}`)
      .expect(404);
    expect(rep.body.code).toBe('ressource_introuvable');
  });
});

describe('limitation de débit de l’annuaire ouvert', () => {
  let limitee: AppDeTest;
  beforeAll(async () => {
    limitee = await demarrerAppDeTest({ LIMITE_REQUETES_PAR_SECONDE: '2' });
  });
  afterAll(async () => limitee.fermer());

  it('répond 429 avec Retry-After au-delà de la limite par adresse IP', async () => {
    const reponses = [];
    for (let i = 0; i < 4; i++) reponses.push(await request(limitee.app).get('/api-ecole/v1/etablissements?limit=1'));
    const refus = reponses.find((r) => r.status === 429);
    expect(refus).toBeDefined();
    expect(refus!.body.code).toBe('trop_de_requetes');
    expect(Number(refus!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });
});
