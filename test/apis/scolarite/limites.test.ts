import request from 'supertest';
import { demarrerAppDeTest, type AppDeTest } from '../../support/app';
import { requete } from './aide';

let t: AppDeTest;
let jeton: string;
beforeAll(async () => {
  t = await demarrerAppDeTest({ LIMITE_REQUETES_PAR_SECONDE: '2' }, { communes: ['35024'], echelle: 0.01 });
  jeton = await t.jeton('demo-caf-35');
}, 120_000);
afterAll(() => t.fermer());

describe('débit par habilitation (API Particulier : RateLimit-* et 429)', () => {
  it('answers 429 trop_de_requetes with Retry-After beyond the limit, RateLimit headers on every response', async () => {
    const inconnu = { nom: 'Personne', prenoms: 'Inconnue', sexe: 'F' as const, date_naissance: '2010-01-01' };
    // Ten calls at once against two per second: some exceed it, however slow the machine.
    const reponses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        request(t.app)
          .get(requete(inconnu, { object: `Dossier ${i}` }))
          .set('Authorization', `Bearer ${jeton}`),
      ),
    );
    const refusees = reponses.filter((r) => r.status === 429);
    expect(refusees.length).toBeGreaterThanOrEqual(1);
    expect(reponses.every((r) => r.status === 404 || r.status === 429)).toBe(true);
    for (const r of reponses) {
      expect(r.headers['ratelimit-limit']).toBe('2');
      expect(r.headers['ratelimit-remaining']).toMatch(/^\d+$/);
      expect(r.headers['ratelimit-reset']).toMatch(/^\d+$/);
    }
    for (const r of refusees) {
      expect(r.body.code).toBe('trop_de_requetes');
      expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(r.headers['ratelimit-remaining']).toBe('0');
    }
  });
});
