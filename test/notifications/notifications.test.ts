import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { creerAbonnement } from '../../src/notifications/abonnements';
import { demarrerDistributeur, type Distributeur } from '../../src/notifications/distributeur';
import { publierEvenement } from '../../src/notifications/evenements';
import { demarrerAppDeTest, type AppDeTest } from '../support/app';

const RENNES = '21350238800019';

interface Recue {
  corps: string;
  entetes: http.IncomingHttpHeaders;
  le: number;
  chemin: string;
}

/** A real receiver on the loopback: records raw bodies and answers with the statuses it is told to. */
function recepteur() {
  const recues: Recue[] = [];
  const reponses: number[] = [];
  const serveur = http.createServer((req, res) => {
    let corps = '';
    req.setEncoding('utf8');
    req.on('data', (c) => {
      corps += c;
    });
    req.on('end', () => {
      recues.push({ corps, entetes: req.headers, le: Date.now(), chemin: req.url ?? '' });
      res.statusCode = reponses.shift() ?? 200;
      res.end('ok');
    });
  });
  return { recues, reponses, serveur };
}

/** What a recipient's code does: recompute the HMAC of the raw body and compare in constant time. */
function signatureValide(secret: string, corps: string, entete: string | string[] | undefined): boolean {
  const attendue = Buffer.from(`sha256=${createHmac('sha256', secret).update(corps).digest('hex')}`);
  const recue = Buffer.from(String(entete ?? ''));
  return recue.length === attendue.length && timingSafeEqual(recue, attendue);
}

async function attendre(condition: () => boolean | Promise<boolean>, delaiMs = 5_000): Promise<void> {
  const fin = Date.now() + delaiMs;
  while (!(await condition())) {
    if (Date.now() > fin) throw new Error('condition non atteinte à temps');
    await new Promise((r) => setTimeout(r, 20));
  }
}

let t: AppDeTest;
let operateur: string;
let distributeur: Distributeur;
const r = recepteur();
let base: string;

beforeAll(async () => {
  t = await demarrerAppDeTest();
  operateur = await t.jeton('demo-operateur');
  await new Promise<void>((ok) => r.serveur.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(r.serveur.address() as AddressInfo).port}`;
  distributeur = demarrerDistributeur(t.db, { intervalleMs: 20, delaiInitialMs: 60, delaiMaxMs: 150, tentativesMax: 3, delaiReponseMs: 2_000 });
});
afterAll(async () => {
  await distributeur.arreter();
  await new Promise((ok) => r.serveur.close(ok));
  await t.fermer();
});

const admin = () => ({ Authorization: `Bearer ${operateur}` });
const pour = (chemin: string) => r.recues.filter((x) => x.chemin === chemin);

describe('subscriptions', () => {
  it('accepts HTTPS, and plain HTTP only to the loopback outside production', async () => {
    const mairie = await t.jeton('demo-mairie-rennes');
    const distant = await request(t.app)
      .post('/notifications/abonnements')
      .set('Authorization', `Bearer ${mairie}`)
      .send({ url: 'http://enfance.rennes.fr/hook' });
    expect(distant.status).toBe(400);
    expect(distant.body.erreurs[0].champ).toBe('url');
    const https = await request(t.app)
      .post('/notifications/abonnements')
      .set('Authorization', `Bearer ${mairie}`)
      .send({ url: 'https://enfance.rennes.fr/hook' });
    expect(https.status).toBe(201);
    expect(https.body.secret.length).toBeGreaterThanOrEqual(32);
    const liste = await request(t.app).get('/notifications/abonnements').set('Authorization', `Bearer ${mairie}`);
    expect(liste.body.map((a: { id: string }) => a.id)).toContain(https.body.id);
    expect(JSON.stringify(liste.body)).not.toContain(https.body.secret);
    expect((await request(t.app).delete(`/notifications/abonnements/${https.body.id}`).set('Authorization', `Bearer ${mairie}`)).status).toBe(204);
    await expect(creerAbonnement(t.db, { siret: RENNES, url: `${base}/x` }, true)).rejects.toMatchObject({ code: 'requete_invalide' });
  });
});

describe('signed deliveries', () => {
  let secret: string;
  beforeAll(async () => {
    const mairie = await t.jeton('demo-mairie-rennes');
    const rep = await request(t.app)
      .post('/notifications/abonnements')
      .set('Authorization', `Bearer ${mairie}`)
      .send({ url: `${base}/liste`, types: ['liste_modifiee'] });
    expect(rep.status).toBe(201);
    secret = rep.body.secret;
  });

  it('a mairie’s list changed: the receiver gets a signed, timestamped notification with pointers only', async () => {
    const id = await publierEvenement(
      { db: t.db },
      {
        type: 'liste_modifiee',
        siret: RENNES,
        donnees: { code_commune: '35238', nombre_changements: 12, jeton_synchronisation: 'jeton-2026-11' },
      },
    );
    await attendre(() => pour('/liste').some((x) => JSON.parse(x.corps).id === id));
    const recue = pour('/liste').find((x) => JSON.parse(x.corps).id === id)!;
    expect(signatureValide(secret, recue.corps, recue.entetes['x-signature-256'])).toBe(true);
    expect(signatureValide(secret, recue.corps.replace('12', '13'), recue.entetes['x-signature-256'])).toBe(false);
    const corps = JSON.parse(recue.corps);
    expect(recue.entetes['x-horodatage']).toBe(String(corps.horodatage));
    expect(Math.abs(corps.horodatage - Date.now() / 1000)).toBeLessThan(60);
    expect(recue.entetes['x-evenement-type']).toBe('liste_modifiee');
    expect(corps).toMatchObject({
      type: 'liste_modifiee',
      destinataire: RENNES,
      donnees: {
        code_commune: '35238',
        nombre_changements: 12,
        jeton_synchronisation: 'jeton-2026-11',
        ressource: '/api-mairie/v1/communes/35238/enfants-soumis-obligation/changements',
      },
    });
    expect(Object.values(corps.donnees).every((v) => typeof v !== 'object')).toBe(true);
  });

  it('retries a failing receiver with growing delays, logging each attempt', async () => {
    r.reponses.push(500, 503);
    const id = await publierEvenement(
      { db: t.db },
      {
        type: 'liste_modifiee',
        siret: RENNES,
        donnees: { code_commune: '35238', nombre_changements: 1, jeton_synchronisation: 'j2' },
      },
    );
    await attendre(() => pour('/liste').filter((x) => JSON.parse(x.corps).id === id).length === 3);
    const essais = pour('/liste').filter((x) => JSON.parse(x.corps).id === id);
    expect(essais[1].le - essais[0].le).toBeGreaterThanOrEqual(60);
    expect(essais[2].le - essais[1].le).toBeGreaterThanOrEqual(120);
    for (const e of essais) expect(signatureValide(secret, e.corps, e.entetes['x-signature-256'])).toBe(true);

    const livraisons = await request(t.app).get('/admin/notifications/livraisons').query({ siret: RENNES }).set(admin());
    const livraison = livraisons.body.find((l: { evenement_id: string }) => l.evenement_id === id);
    await attendre(async () => (await request(t.app).get(`/admin/notifications/livraisons/${livraison.id}`).set(admin())).body.statut === 'livree');
    const detail = await request(t.app).get(`/admin/notifications/livraisons/${livraison.id}`).set(admin());
    expect(detail.body.journal.map((x: { statut_http: number }) => x.statut_http)).toEqual([500, 503, 200]);
    expect(detail.body.tentatives).toBe(3);
  });

  it('abandons after the bounded number of attempts; an operator replays it', async () => {
    r.reponses.push(500, 500, 500);
    const id = await publierEvenement(
      { db: t.db },
      {
        type: 'liste_modifiee',
        siret: RENNES,
        donnees: { code_commune: '35238', nombre_changements: 2, jeton_synchronisation: 'j3' },
      },
    );
    const livraison = async () =>
      (await request(t.app).get('/admin/notifications/livraisons').query({ siret: RENNES }).set(admin())).body.find(
        (l: { evenement_id: string }) => l.evenement_id === id,
      );
    await attendre(async () => (await livraison())?.statut === 'abandonnee');
    expect((await livraison()).tentatives).toBe(3);

    const rejeu = await request(t.app)
      .post(`/admin/notifications/livraisons/${(await livraison()).id}/rejeu`)
      .set(admin());
    expect(rejeu.status).toBe(202);
    await attendre(async () => (await livraison()).statut === 'livree');
    const detail = await request(t.app)
      .get(`/admin/notifications/livraisons/${(await livraison()).id}`)
      .set(admin());
    expect(detail.body.journal.map((x: { statut_http: number }) => x.statut_http)).toEqual([500, 500, 500, 200]);
  });

  it('tells the recipient when its habilitation changes state', async () => {
    const abonnement = await request(t.app)
      .post('/admin/notifications/abonnements')
      .set(admin())
      .send({ siret: RENNES, url: `${base}/habilitations`, types: ['habilitation_modifiee'] });
    expect(abonnement.status).toBe(201);
    const habilitations = await request(t.app).get('/admin/habilitations').query({ siret: RENNES }).set(admin());
    const cible = habilitations.body.find((h: { scopes: string[] }) => h.scopes.includes('examens:resultats'));
    await request(t.app).post(`/admin/habilitations/${cible.id}/revocation`).set(admin()).send({ motif: 'Fin du projet éducatif' });
    await attendre(() => pour('/habilitations').length === 1);
    const recue = pour('/habilitations')[0];
    expect(signatureValide(abonnement.body.secret, recue.corps, recue.entetes['x-signature-256'])).toBe(true);
    expect(JSON.parse(recue.corps).donnees).toEqual({ habilitation_id: cible.id, version: 1, statut_precedent: 'validee', statut: 'revoquee' });
  });
});
