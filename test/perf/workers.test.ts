import http from 'node:http';
import { CLIENTS_DEMO } from '../../src/demo/demo';
import { demarrerServeurReel, type ServeurReel } from '../securite/serveur-reel';

// Two workers of the real server (node:cluster) on one PostgreSQL database: what one worker
// learns (a revocation, a request counted against a habilitation's limit) holds in the other.
// Each request opens its own connection, so the primary deals them to the workers in turn
// (node:cluster's round-robin, the default on Linux).

const surPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');
if (!surPostgres) {
  console.warn('test/perf/workers.test.ts ignoré : il lui faut DATABASE_URL=postgres://… (plusieurs workers partagent une base PostgreSQL)');
}
const decrire = surPostgres ? describe : describe.skip;

const LIMITE = 4;
let serveur: ServeurReel;

function appeler(
  chemin: string,
  entetes: Record<string, string>,
  methode = 'GET',
  corps?: string,
): Promise<{ statut: number; entetes: http.IncomingHttpHeaders; corps: string }> {
  return new Promise((ok, ko) => {
    const req = http.request(`${serveur.url}${chemin}`, { method: methode, headers: entetes, agent: false }, (rep) => {
      let texte = '';
      rep.on('data', (m) => (texte += m));
      rep.on('end', () => ok({ statut: rep.statusCode!, entetes: rep.headers, corps: texte }));
    });
    req.on('error', ko);
    req.end(corps);
  });
}

function basic(clientId: string): string {
  const c = CLIENTS_DEMO.find((x) => x.clientId === clientId)!;
  return 'Basic ' + Buffer.from(`${c.clientId}:${c.secret}`).toString('base64');
}

async function jeton(clientId: string): Promise<string> {
  const rep = await appeler(
    '/oauth/token',
    { Authorization: basic(clientId), 'Content-Type': 'application/x-www-form-urlencoded' },
    'POST',
    'grant_type=client_credentials',
  );
  return JSON.parse(rep.corps).access_token;
}

const ecoutent = () => serveur.sortie.filter((l) => l.includes('passerelle à l')).length;

decrire('several workers on PostgreSQL', () => {
  beforeAll(async () => {
    serveur = await demarrerServeurReel({ WORKERS: '2', LOG_LEVEL: 'info', LIMITE_REQUETES_PAR_SECONDE: String(LIMITE) });
    for (let i = 0; ecoutent() < 2 && i < 300; i++) await new Promise((r) => setTimeout(r, 100));
  }, 180_000);
  afterAll(() => serveur?.fermer());

  it('starts two workers listening on one port', () => {
    expect(ecoutent()).toBe(2);
  });

  it('refuses a revoked token in every worker within one second', async () => {
    const valeur = await jeton('demo-operateur');
    const bearer = { Authorization: `Bearer ${valeur}` };
    // Both workers resolve (and cache) the token.
    const avant = await Promise.all(Array.from({ length: 6 }, () => appeler('/admin/destinataires', bearer)));
    expect(avant.map((r) => r.statut)).toEqual(Array(6).fill(200));

    const revocation = await appeler(
      '/oauth/revoke',
      { Authorization: basic('demo-operateur'), 'Content-Type': 'application/x-www-form-urlencoded' },
      'POST',
      `token=${encodeURIComponent(valeur)}`,
    );
    expect(revocation.statut).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    const apres = [];
    for (let i = 0; i < 6; i++) apres.push(await appeler('/admin/destinataires', bearer));
    expect(apres.map((r) => r.statut)).toEqual(Array(6).fill(401));
  });

  it('counts a habilitation’s requests once across workers', async () => {
    const bearer = { Authorization: `Bearer ${await jeton('demo-mairie-rennes')}` };
    const chemin = '/api-mairie/v1/communes/35238/enfants-soumis-obligation?limit=1';
    await appeler(chemin, bearer);
    // A burst well inside one second: its requests fall in one window of the limiter.
    let rafale: Array<{ statut: number; entetes: http.IncomingHttpHeaders }> = [];
    for (let essai = 0; essai < 5; essai++) {
      await new Promise((r) => setTimeout(r, 1100));
      const debut = Date.now();
      rafale = await Promise.all(Array.from({ length: 3 * LIMITE }, () => appeler(chemin, bearer)));
      if (Date.now() - debut < 600) break;
    }
    const acceptees = rafale.filter((r) => r.statut === 200);
    const refusees = rafale.filter((r) => r.statut === 429);
    expect(acceptees).toHaveLength(LIMITE);
    expect(refusees).toHaveLength(2 * LIMITE);
    expect(refusees.every((r) => Number(r.entetes['retry-after']) >= 1)).toBe(true);
    expect(new Set(acceptees.map((r) => r.entetes['ratelimit-remaining'])).size).toBe(LIMITE);
  });
});
