import request from 'supertest';
import { DUREE_CACHE_JETON_MS, statistiquesJetons } from '../../src/auth/principal';
import { CLIENTS_DEMO } from '../../src/demo/demo';
import { demarrerAppDeTest, type AppDeTest } from '../support/app';

// tsoa calls the authentication hook once per @Security alternative of a route, all at once: the
// token must still be resolved once per request (API scolarité's statut has five alternatives,
// API mairie's list two), and the registry read at most once per token and cache delay.

let t: AppDeTest;
let jetonCaf: string;
let jetonEditeur: string;
beforeAll(async () => {
  t = await demarrerAppDeTest({ LIMITE_REQUETES_PAR_SECONDE: '1000' });
  jetonCaf = await t.jeton('demo-caf-35', 'scolarite:statut');
  jetonEditeur = await t.jeton('demo-editeur-restauration');
});
afterAll(() => t.fermer());

const STATUT =
  '/api-scolarite/v1/eleves/statut?nomNaissance=INCONNU&prenoms=Personne&sexeEtatCivil=F&anneeDateNaissance=2014&moisDateNaissance=2&jourDateNaissance=3&codesDepartements=35&context=Allocation+de+rentr%C3%A9e&object=Test&recipient=';
const LISTE = '/api-mairie/v1/communes/35238/enfants-soumis-obligation?limit=5';

/** Resolutions and registry reads made while `appels` run, one after the other. */
async function compter(appels: Array<() => request.Test>): Promise<{ resolutions: number; lecturesRegistre: number; statuts: number[] }> {
  const avant = statistiquesJetons(t.db);
  const statuts: number[] = [];
  for (const appel of appels) statuts.push((await appel()).status);
  const apres = statistiquesJetons(t.db);
  return { resolutions: apres.resolutions - avant.resolutions, lecturesRegistre: apres.lecturesRegistre - avant.lecturesRegistre, statuts };
}

describe('one token resolution per request, whatever the number of @Security alternatives', () => {
  it('five alternatives (API scolarité statut): one resolution per request', async () => {
    const siret = CLIENTS_DEMO.find((c) => c.clientId === 'demo-caf-35')!.destinataire.siret;
    const appel = () =>
      request(t.app)
        .get(STATUT + siret)
        .auth(jetonCaf, { type: 'bearer' });
    const r = await compter([appel, appel, appel]);
    // Authenticated and authorised: the pupil is simply unknown.
    expect(r.statuts).toEqual([404, 404, 404]);
    expect(r.resolutions).toBe(3);
  });

  it('two alternatives, the first unmet (restauration scolaire only): one resolution, and the second alternative opens the list', async () => {
    const r = await compter([() => request(t.app).get(LISTE).auth(jetonEditeur, { type: 'bearer' })]);
    expect(r.statuts).toEqual([200]);
    expect(r.resolutions).toBe(1);
  });

  it('an unknown token is refused after one resolution, not one per alternative', async () => {
    const r = await compter([() => request(t.app).get(STATUT).auth('inconnu', { type: 'bearer' })]);
    expect(r.statuts).toEqual([401]);
    expect(r.resolutions).toBe(1);
  });

  it('reads the registry at most once per token and cache delay', async () => {
    const debut = Date.now();
    const appel = () => request(t.app).get(LISTE).auth(jetonEditeur, { type: 'bearer' });
    const r = await compter(Array.from({ length: 10 }, () => appel));
    expect(r.statuts).toEqual(Array(10).fill(200));
    expect(r.resolutions).toBe(10);
    expect(r.lecturesRegistre).toBeLessThanOrEqual(1 + Math.floor((Date.now() - debut) / DUREE_CACHE_JETON_MS));
  });

  it('reads the registry once for a token that many requests present at once, before any is cached', async () => {
    const frais = await t.jeton('demo-editeur-restauration');
    const debut = Date.now();
    const avant = statistiquesJetons(t.db);
    const reponses = await Promise.all(Array.from({ length: 20 }, () => request(t.app).get(LISTE).auth(frais, { type: 'bearer' })));
    const apres = statistiquesJetons(t.db);
    expect(reponses.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(apres.resolutions - avant.resolutions).toBe(20);
    expect(apres.lecturesRegistre - avant.lecturesRegistre).toBeLessThanOrEqual(1 + Math.floor((Date.now() - debut) / DUREE_CACHE_JETON_MS));
  });
});
