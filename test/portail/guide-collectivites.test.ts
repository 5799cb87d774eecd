/**
 * The Node example of docs/guide-collectivites.md runs against the real app: the guide shows
 * this very file (checked below), so what an integrator copies is what is tested.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { demarrerAppDeTest, type AppDeTest } from '../support/app';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ClientApisation, ErreurApisation } = require('./exemple-collectivite.js');

const FICHIER = path.join(__dirname, 'exemple-collectivite.js');
const GUIDE = path.join(__dirname, '..', '..', 'docs', 'guide-collectivites.md');

let t: AppDeTest;
let serveur: http.Server;
let base: string;
const rennes = () => new ClientApisation({ base, clientId: 'demo-mairie-rennes', secret: 'demo-secret-mairie-rennes' });

beforeAll(async () => {
  t = await demarrerAppDeTest({ LIMITE_REQUETES_PAR_SECONDE: '100000' });
  serveur = http.createServer(t.app).listen(0, '127.0.0.1');
  await new Promise((ok) => serveur.once('listening', ok));
  base = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((ok) => serveur.close(ok));
  await t.fermer();
});

describe('exemple Node du guide des collectivités', () => {
  it('is the code the guide shows', () => {
    const guide = fs.readFileSync(GUIDE, 'utf8');
    const bloc = /<!-- exemple-collectivite\.js -->\n```js\n([\s\S]*?)```/.exec(guide);
    expect(bloc?.[1]).toBe(fs.readFileSync(FICHIER, 'utf8'));
  });

  it('caches the token: one /oauth/token call for many API calls', async () => {
    const client = rennes();
    const avant = (await t.db('oauth_tokens').where({ client_id: 'demo-mairie-rennes' }).count({ n: '*' }))[0].n;
    for (let i = 0; i < 3; i++) await client.appeler('/api-ecole/v1/previsions?codeCommune=35238');
    const apres = (await t.db('oauth_tokens').where({ client_id: 'demo-mairie-rennes' }).count({ n: '*' }))[0].n;
    expect(Number(apres) - Number(avant)).toBe(1);
  });

  it('renews the token once when it is revoked or expired', async () => {
    const client = rennes();
    await client.jeton();
    await t.db('oauth_tokens').where({ client_id: 'demo-mairie-rennes' }).update({ revoque_le: new Date().toISOString() });
    expect((await client.appeler('/api-ecole/v1/previsions?codeCommune=35238')).status).toBe(200);
  });

  it('follows the cursor to the last page and gets every establishment', async () => {
    const { elements } = await rennes().toutesLesPages('/api-ecole/v1/etablissements?codeCommune=35238&limit=25', 'etablissements');
    const attendus = await t.db('etablissements').where({ code_commune: '35238' }).count({ n: '*' });
    expect(elements.length).toBe(Number(attendus[0].n));
    expect(new Set(elements.map((e: { uai: string }) => e.uai)).size).toBe(elements.length);
  });

  it('rereads with If-None-Match and learns the list has not changed (304)', async () => {
    const client = rennes();
    const premiere = await client.relire('/api-mairie/v1/communes/35238/enfants-soumis-obligation?limit=10');
    expect(premiere.etag).toBeTruthy();
    const seconde = await client.relire('/api-mairie/v1/communes/35238/enfants-soumis-obligation?limit=10', premiere);
    expect(seconde.inchangee).toBe(true);
    expect(seconde.donnees).toEqual(premiere.donnees);
  });

  it('downloads the whole list, then asks only for the changes since its synchronisation token', async () => {
    const client = rennes();
    const liste = await client.toutesLesPages('/api-mairie/v1/communes/35238/enfants-soumis-obligation?limit=200', 'enfants');
    expect(liste.elements.length).toBe(liste.derniere.nombre_total);
    const depuis = encodeURIComponent(liste.derniere.jeton_synchronisation);
    const rep = await client.appeler(`/api-mairie/v1/communes/35238/enfants-soumis-obligation/changements?depuis=${depuis}`);
    const changements = await rep.json();
    // Same publication: nothing changed.
    expect([changements.ajouts, changements.modifications, changements.retraits].map((l: unknown[]) => l.length)).toEqual([0, 0, 0]);
  });

  it('turns an error into its stable code: another commune is outside the territory', async () => {
    await expect(rennes().appeler('/api-mairie/v1/communes/35288/enfants-soumis-obligation')).rejects.toMatchObject({
      statut: 403,
      code: 'hors_territoire',
      constructor: ErreurApisation,
    });
  });
});
