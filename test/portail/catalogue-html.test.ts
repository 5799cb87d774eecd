import request from 'supertest';
import { demarrerAppDeTest, type AppDeTest } from '../support/app';

let t: AppDeTest;
beforeAll(async () => {
  t = await demarrerAppDeTest();
});
afterAll(() => t.fermer());

const decoder = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('GET /catalogue en HTML (négociation de contenu)', () => {
  it('serves a readable page to a browser: each API, its scopes and fields, legal basis, who may obtain them, status and a link to /docs', async () => {
    const json = (await request(t.app).get('/catalogue').set('Accept', 'application/json')).body as {
      apis: Array<{
        titre: string;
        chemin_base: string;
        traitement: { base_legale: string };
        scopes: Array<{ code: string; champs: string[]; destinataires: Array<{ base_legale: string }> }>;
      }>;
    };
    const rep = await request(t.app).get('/catalogue').set('Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8');
    expect(rep.status).toBe(200);
    expect(rep.headers['content-type']).toMatch(/^text\/html/);
    expect(rep.headers.vary).toMatch(/Accept/);
    const html = decoder(rep.text);
    expect(json.apis.length).toBeGreaterThan(0);
    for (const api of json.apis) {
      expect(html).toContain(api.titre);
      expect(html).toContain(api.chemin_base);
      expect(html).toContain(api.traitement.base_legale);
      expect(html).toContain(`href="/docs/#/${encodeURIComponent(api.titre)}"`);
      for (const s of api.scopes) {
        expect(html).toContain(s.code);
        for (const champ of s.champs) expect(html).toContain(champ);
        for (const d of s.destinataires) expect(html).toContain(d.base_legale);
      }
    }
  });

  it('runs no script, so the Content-Security-Policy holds', async () => {
    const rep = await request(t.app).get('/catalogue').set('Accept', 'text/html');
    expect(rep.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(rep.text).not.toMatch(/<script|\son\w+=|javascript:/i);
  });

  it('keeps the JSON contract for programs (no Accept, */* or application/json)', async () => {
    for (const accept of [undefined, '*/*', 'application/json']) {
      const req = request(t.app).get('/catalogue');
      const rep = await (accept ? req.set('Accept', accept) : req);
      expect(rep.headers['content-type']).toMatch(/^application\/json/);
      expect(Array.isArray(rep.body.apis)).toBe(true);
    }
  });
});
