import request from 'supertest';
import { demarrerAppDeTest, type AppDeTest } from '../support/app';

// The exact security headers every response carries, whatever the route and the status. helmet computes
// them once at start-up; this list, frozen from helmet 8 with the gateway's CSP, shows any change an upgrade brings.

let t: AppDeTest;
let jetonRennes: string;
beforeAll(async () => {
  t = await demarrerAppDeTest();
  jetonRennes = await t.jeton('demo-mairie-rennes');
});
afterAll(() => t.fermer());

const ENTETES_SECURITE: Record<string, string> = {
  'content-security-policy':
    "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';" +
    "script-src 'self';script-src-attr 'none';style-src 'self' https: 'unsafe-inline';upgrade-insecure-requests;connect-src 'self'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

/** Headers any response may carry besides the security ones (transport, content, id, limits, caching, authentication). */
const AUTRES_ENTETES = new Set([
  'connection',
  'content-length',
  'content-type',
  'date',
  'keep-alive',
  'transfer-encoding',
  'x-request-id',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'etag',
  'cache-control',
  'vary',
  'www-authenticate',
  'accept-ranges',
  'last-modified',
  'content-disposition',
  'link',
  'pragma',
]);

function verifier(rep: request.Response): void {
  const securite = Object.fromEntries(Object.keys(ENTETES_SECURITE).map((nom) => [nom, rep.headers[nom]]));
  expect(securite).toEqual(ENTETES_SECURITE);
  const inattendus = Object.keys(rep.headers).filter((nom) => !(nom in ENTETES_SECURITE) && !AUTRES_ENTETES.has(nom));
  expect(inattendus).toEqual([]);
  expect(rep.headers['x-powered-by']).toBeUndefined();
}

describe('security headers', () => {
  it('on liveness, exactly, and nothing else than its content and request id', async () => {
    const rep = await request(t.app).get('/health');
    expect(rep.status).toBe(200);
    verifier(rep);
    expect(Object.keys(rep.headers).sort()).toEqual(
      [...Object.keys(ENTETES_SECURITE), 'connection', 'content-length', 'content-type', 'date', 'x-request-id'].sort(),
    );
  });

  it('on the contract, Swagger UI and the error catalogue', async () => {
    for (const chemin of ['/openapi.json', '/docs/', '/problemes']) {
      const rep = await request(t.app).get(chemin);
      expect([chemin, rep.status]).toEqual([chemin, 200]);
      verifier(rep);
    }
  });

  it('on problems: unknown route, token refused, token in the URL', async () => {
    const inconnue = await request(t.app).get('/nulle-part');
    expect(inconnue.status).toBe(404);
    verifier(inconnue);
    const refuse = await request(t.app).get('/api-mairie/v1/communes/35238/enfants-soumis-obligation').set('Authorization', 'Bearer inconnu');
    expect(refuse.status).toBe(401);
    verifier(refuse);
    const dansUrl = await request(t.app).get('/health?access_token=abc');
    expect(dansUrl.status).toBe(400);
    verifier(dansUrl);
  });

  it('on a token response and on a 304 revalidation', async () => {
    const jeton = await request(t.app).post('/oauth/token').auth('demo-caf-35', 'demo-secret-caf-35').type('form').send({ grant_type: 'client_credentials' });
    expect(jeton.status).toBe(200);
    verifier(jeton);
    const chemin = '/api-mairie/v1/communes/35238/enfants-soumis-obligation?limit=10';
    const page = await request(t.app).get(chemin).set('Authorization', `Bearer ${jetonRennes}`);
    expect(page.status).toBe(200);
    verifier(page);
    const revalidation = await request(t.app).get(chemin).set('Authorization', `Bearer ${jetonRennes}`).set('If-None-Match', page.headers.etag);
    expect(revalidation.status).toBe(304);
    verifier(revalidation);
  });
});
