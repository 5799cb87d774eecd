/**
 * Faults under load (long: `npx jest -c test/securite/jest.pannes.config.js`, run by .ci/run).
 * Loopback only, bounded in count and time.
 * - the database link cut mid-traffic (PostgreSQL, through a TCP proxy written here): 503
 *   problem+json within 1 s, then recovery without restart;
 * - SIGTERM under load: in-flight requests finish, new connections are refused, exit code 0;
 * - kill -9 under load: the database opens intact and the journal holds an entry for every
 *   personal-data 200 the client received (by request id), and `npm run journal:verify` passes.
 */
import { execFile } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { creerApp } from '../../src/app';
import { chargerConfig } from '../../src/config';
import { createDb, isPostgres } from '../../src/db/knex';
import { basePreparee, demarrerServeurReel, portLibre, type ServeurReel } from './serveur-reel';

const RACINE = path.join(__dirname, '..', '..');
const surPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');
const LISTE_RENNES = '/api-mairie/v1/communes/35238/enfants-soumis-obligation?limit=5';

interface Reponse {
  statut: number;
  corps: string;
  requestId?: string;
  finLe: number;
}

/** One request on a fresh connection (no keep-alive: each one is a new connection to the server). */
function appeler(url: string, chemin: string, entetes: Record<string, string> = {}, methode = 'GET', corps?: string): Promise<Reponse> {
  return new Promise((ok, ko) => {
    const req = http.request(`${url}${chemin}`, { method: methode, headers: { ...entetes, Connection: 'close' }, agent: false }, (res) => {
      const morceaux: Buffer[] = [];
      res.on('data', (m: Buffer) => morceaux.push(m));
      res.on('end', () =>
        ok({ statut: res.statusCode ?? 0, corps: Buffer.concat(morceaux).toString(), requestId: res.headers['x-request-id'] as string, finLe: Date.now() }),
      );
      // A response cut after its first byte is a truncated answer, not a refusal.
      const tronquee = () => ko(Object.assign(new Error('réponse tronquée'), { code: 'TRONQUEE' }));
      res.on('error', tronquee);
      res.on('aborted', tronquee);
    });
    req.on('error', ko);
    req.end(corps);
  });
}

async function jeton(url: string, client: string, secret: string): Promise<string> {
  const rep = await appeler(
    url,
    '/oauth/token',
    {
      Authorization: `Basic ${Buffer.from(`${client}:${secret}`).toString('base64')}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    'POST',
    'grant_type=client_credentials',
  );
  if (rep.statut !== 200) throw new Error(`jeton refusé : ${rep.statut}`);
  return JSON.parse(rep.corps).access_token as string;
}

// --- 1. Database link cut ----------------------------------------------------------------------

/** A TCP proxy between the app and PostgreSQL that the test can cut and restore. */
function proxyTcp(cible: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let coupe = false;
  const serveur = net.createServer((client) => {
    if (coupe) return client.destroy();
    const amont = net.connect(cible.port, cible.host);
    for (const s of [client, amont]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(amont).pipe(client);
  });
  return {
    ecouter: (port: number) => new Promise<void>((ok) => serveur.listen(port, '127.0.0.1', ok)),
    couper: () => {
      coupe = true;
      for (const s of sockets) s.destroy();
    },
    retablir: () => {
      coupe = false;
    },
    fermer: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        serveur.close(() => ok());
      }),
  };
}

(surPostgres ? describe : describe.skip)('base de données coupée en plein trafic (PostgreSQL, via un proxy TCP)', () => {
  it('answers 503 problem+json within 1 s while the link is cut, then recovers without restart', async () => {
    const base = await basePreparee();
    const reelle = new URL(base.url);
    const proxy = proxyTcp({ host: reelle.hostname, port: Number(reelle.port || 5432) });
    const port = await portLibre();
    await proxy.ecouter(port);
    const viaProxy = new URL(base.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(port);
    const config = chargerConfig({ NODE_ENV: 'test', DATABASE_URL: viaProxy.toString(), LIMITE_REQUETES_PAR_SECONDE: '100000' });
    const db = createDb(config.databaseUrl);
    const app = creerApp({ db, config });
    try {
      const j = (
        await request(app).post('/oauth/token').auth('demo-mairie-rennes', 'demo-secret-mairie-rennes').type('form').send({ grant_type: 'client_credentials' })
      ).body.access_token;
      const lire = () => request(app).get(LISTE_RENNES).set('Authorization', `Bearer ${j}`);
      expect((await lire()).status).toBe(200);

      proxy.couper();
      for (let i = 0; i < 5; i++) {
        const debut = Date.now();
        const rep = await lire();
        expect(Date.now() - debut).toBeLessThan(1000);
        expect(rep.status).toBe(503);
        expect(rep.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(rep.body.code).toMatch(/^(service_indisponible|journal_indisponible)$/);
        expect(rep.headers['retry-after']).toBeDefined();
      }
      expect((await request(app).get('/health/ready')).status).toBe(503);

      proxy.retablir();
      let retabli = false;
      for (let i = 0; i < 20 && !retabli; i++) {
        retabli = (await lire()).status === 200;
        if (!retabli) await new Promise((ok) => setTimeout(ok, 250));
      }
      expect(retabli).toBe(true);
      expect((await request(app).get('/health/ready')).status).toBe(200);
    } finally {
      await db.destroy();
      await proxy.fermer();
      await base.supprimer();
    }
  });
});

if (!surPostgres) {
  // An embedded SQLite file has no link to cut; the PostgreSQL run (DATABASE_URL=postgres://…) covers it.
  it.skip('base de données coupée : scénario propre à PostgreSQL (lancer avec DATABASE_URL=postgres://…)', () => undefined);
}

// --- 2. SIGTERM under load ---------------------------------------------------------------------

describe('SIGTERM sous charge', () => {
  let serveur: ServeurReel;
  afterAll(() => serveur?.fermer());

  it('lets in-flight requests finish, refuses new connections and exits 0', async () => {
    serveur = await demarrerServeurReel();
    const j = await jeton(serveur.url, 'demo-mairie-rennes', 'demo-secret-mairie-rennes');
    const entetes = { Authorization: `Bearer ${j}` };
    // Heavy enough to be in flight when the signal lands: whole annuaire pages and the personal list.
    const enVol = Array.from({ length: 30 }, (_v, i) =>
      appeler(serveur.url, i % 2 ? '/api-ecole/v1/etablissements?limit=1000' : LISTE_RENNES, entetes).then(
        (r) => ({ ok: r }),
        (e: NodeJS.ErrnoException) => ({ erreur: e.code ?? e.message }),
      ),
    );
    await new Promise((ok) => setTimeout(ok, 30));
    const signalLe = Date.now();
    serveur.processus.kill('SIGTERM');
    const resultats = await Promise.all(enVol);

    const recues = resultats.flatMap((r) => ('ok' in r ? [r.ok] : []));
    const erreurs = resultats.flatMap((r) => ('erreur' in r ? [r.erreur] : []));
    // A request the server was reading is served in full; a connection it had not read yet is
    // refused or reset before any response byte (the client retries it), never answered halfway.
    expect(recues.filter((r) => r.statut !== 200)).toEqual([]);
    expect(erreurs.filter((e) => e !== 'ECONNREFUSED' && e !== 'ECONNRESET')).toEqual([]);
    expect(recues.filter((r) => r.finLe >= signalLe).length).toBeGreaterThan(0);

    const apres = await appeler(serveur.url, '/health').then(
      () => 'servie',
      (e: NodeJS.ErrnoException) => e.code,
    );
    expect(apres).toBe('ECONNREFUSED');
    expect(await serveur.fin).toBe(0);
  });
});

// --- 3. kill -9 under load ---------------------------------------------------------------------

describe('kill -9 sous charge', () => {
  let serveur: ServeurReel;
  afterAll(() => serveur?.fermer());

  it('leaves an intact database whose journal holds every personal-data response the client received', async () => {
    serveur = await demarrerServeurReel();
    const j = await jeton(serveur.url, 'demo-mairie-rennes', 'demo-secret-mairie-rennes');
    const recues: Reponse[] = [];
    let tue = false;
    const boucle = async () => {
      while (!tue) {
        try {
          const r = await appeler(serveur.url, LISTE_RENNES, { Authorization: `Bearer ${j}` });
          if (r.statut === 200) recues.push(r);
        } catch {
          return;
        }
      }
    };
    const travailleurs = Array.from({ length: 8 }, boucle);
    const debut = Date.now();
    while (recues.length < 40 && Date.now() - debut < 30_000) await new Promise((ok) => setTimeout(ok, 20));
    serveur.processus.kill('SIGKILL');
    tue = true;
    await Promise.all(travailleurs);
    await serveur.fin;
    expect(recues.length).toBeGreaterThan(0);

    const db = createDb(serveur.databaseUrl);
    try {
      if (isPostgres(db)) expect((await db.raw('select 1 as un')).rows[0].un).toBe(1);
      else expect(await db.raw('pragma integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      const ids = new Set(
        (
          await db('journal')
            .whereIn(
              'request_id',
              recues.map((r) => r.requestId!),
            )
            .select('request_id')
        ).map((l: { request_id: string }) => l.request_id),
      );
      expect(recues.filter((r) => !ids.has(r.requestId!)).map((r) => r.requestId)).toEqual([]);
    } finally {
      await db.destroy();
    }
    const { stdout } = await promisify(execFile)(path.join(RACINE, 'node_modules', '.bin', 'tsx'), [path.join(RACINE, 'scripts', 'journal-verify.ts')], {
      cwd: RACINE,
      env: { ...process.env, DATABASE_URL: serveur.databaseUrl },
    });
    expect(stdout).not.toHaveLength(0);
  });
});
