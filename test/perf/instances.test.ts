import http from 'node:http';
import { lireDemande, type ParametresStatut } from '../../src/apis/scolarite/demande';
import { OPERATION_STATUT } from '../../src/apis/scolarite/service';
import { CLES_DEMO } from '../../src/config';
import { createDb, type Db } from '../../src/db/knex';
import { CLIENTS_DEMO } from '../../src/demo/demo';
import { aujourdhui } from '../../src/horloge';
import { cleDeRequete, DUREE_MARQUE_MS, RequetesEnCours } from '../../src/http/requetes-en-cours';
import { CAF, CHEMIN, temoins, type Temoin } from '../apis/scolarite/aide';
import { basePreparee, demarrerServeurReel, type ServeurReel } from '../securite/serveur-reel';

// Two instances of the real server (separate processes, one worker each) on one database, as
// behind a load balancer: a request in flight on one is seen by the other (409 requete_en_cours),
// failed logins on both count together. On PostgreSQL, and on SQLite with both processes on
// the same file.

const ECHECS = 4;
// The default limit: blocks of at most ⌈20 / 10⌉ = 2 points, so two instances let 19 or 20 through a window.
const LIMITE = 20;
const siPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '') ? it : it.skip;
let base: { url: string; supprimer: () => Promise<void> };
let db: Db;
let a: ServeurReel;
let b: ServeurReel;
let bearer: Record<string, string>;
let eleve: Temoin;

interface Reponse {
  status: number;
  entetes: http.IncomingHttpHeaders;
  corps: string;
}

/** One connection per call (no keep-alive pool left behind by the test). */
function appeler(url: string, entetes: Record<string, string>, methode = 'GET', corps?: string): Promise<Reponse> {
  return new Promise((ok, ko) => {
    const req = http.request(url, { method: methode, headers: entetes, agent: false }, (rep) => {
      let texte = '';
      rep.on('data', (m) => (texte += m));
      rep.on('end', () => ok({ status: rep.statusCode!, entetes: rep.headers, corps: texte }));
    });
    req.on('error', ko);
    req.end(corps);
  });
}

const code = (rep: Reponse) => JSON.parse(rep.corps).code;

function basic(clientId: string, secret = CLIENTS_DEMO.find((x) => x.clientId === clientId)!.secret): string {
  return 'Basic ' + Buffer.from(`${clientId}:${secret}`).toString('base64');
}

function jeton(serveur: ServeurReel, clientId: string, ip: string, secret?: string): Promise<Reponse> {
  // The gateway trusts X-Forwarded-For from a loopback proxy: each test has its own client IP.
  const entetes = { Authorization: basic(clientId, secret), 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': ip };
  return appeler(`${serveur.url}/oauth/token`, entetes, 'POST', 'grant_type=client_credentials');
}

/** The statut query of the README, for one pupil; the same object gives the URL and, below, the key. */
function parametres(e: Temoin): ParametresStatut {
  const [annee, mois, jour] = e.date_naissance.split('-').map(Number);
  return {
    nomNaissance: e.nom,
    prenoms: e.prenoms.split(' ').slice(0, 2),
    sexeEtatCivil: e.sexe,
    anneeDateNaissance: annee,
    moisDateNaissance: mois,
    jourDateNaissance: jour,
    codesDepartements: ['35'],
    recipient: CAF,
    context: 'Allocation de rentrée scolaire',
    object: 'Dossier partagé',
  };
}

function chemin(p: ParametresStatut): string {
  const q = new URLSearchParams();
  for (const [cle, valeur] of Object.entries(p)) for (const v of [valeur].flat()) q.append(cle, String(v));
  return `${CHEMIN}?${q.toString()}`;
}

const statut = (serveur: ServeurReel) => appeler(`${serveur.url}${chemin(parametres(eleve))}`, bearer);

async function attendre(condition: () => Promise<boolean>, delaiMs = 10_000): Promise<void> {
  for (const limite = Date.now() + delaiMs; !(await condition());) {
    if (Date.now() > limite) throw new Error('condition jamais remplie');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  base = await basePreparee();
  // Each server would drop the database when closed: the test drops it once, after both.
  const partagee = { url: base.url, supprimer: async () => {} };
  const env = {
    WORKERS: '1',
    ECHECS_AUTHENTIFICATION_PAR_MINUTE: String(ECHECS),
    LIMITE_REQUETES_PAR_SECONDE: String(LIMITE),
    APISATION_AUJOURDHUI: aujourdhui(),
  };
  a = await demarrerServeurReel(env, partagee);
  b = await demarrerServeurReel(env, partagee);
  db = createDb(base.url);
  [eleve] = await temoins(db);
  const rep = await jeton(a, 'demo-caf-35', '198.51.100.1');
  bearer = { Authorization: `Bearer ${JSON.parse(rep.corps).access_token}` };
}, 180_000);
afterAll(async () => {
  await a?.fermer();
  await b?.fermer();
  await db?.destroy();
  await base?.supprimer();
});

describe('two instances on one database', () => {
  it('both answer the statut of the same pupil with one token', async () => {
    expect((await statut(a)).status).toBe(200);
    expect((await statut(b)).status).toBe(200);
  });

  // SQLite readers never wait on a lock, so nothing holds A's request half-way there: the next test covers SQLite.
  siPostgres('an identical request held in flight on instance A makes instance B answer 409 requete_en_cours, then 200 once it ends', async () => {
    // A's request takes its marker, then waits on the pupils table, locked here until we let it go.
    const verrou = await db.transaction();
    let premiere: Promise<Reponse> | undefined;
    try {
      await verrou.raw('lock table eleves in access exclusive mode');
      premiere = statut(a);
      await attendre(async () => Number((await db('requetes_en_cours').count({ n: '*' }).first())?.n) === 1);

      const seconde = await statut(b);
      expect(seconde.status).toBe(409);
      expect(seconde.entetes['content-type']).toMatch(/^application\/problem\+json/);
      expect(code(seconde)).toBe('requete_en_cours');
      // A's own process sees it too.
      expect((await statut(a)).status).toBe(409);
    } finally {
      await verrou.rollback();
    }
    expect((await premiere!).status).toBe(200);
    expect(Number((await db('requetes_en_cours').count({ n: '*' }).first())?.n)).toBe(0);
    expect((await statut(b)).status).toBe(200);
    expect((await statut(a)).status).toBe(200);
  });

  it('a request in flight in another process refuses the identical one on both instances; a marker left by a stopped process blocks only until it expires', async () => {
    // This process takes the marker through the gateway's own class, for the key the service derives.
    const cle = cleDeRequete(CLES_DEMO.journal, 'demo-caf-35', OPERATION_STATUT, { ...lireDemande(parametres(eleve), aujourdhui()) });
    let liberer!: () => void;
    const enCours = new RequetesEnCours(db).executer(cle, () => new Promise<void>((r) => (liberer = r)));
    await attendre(async () => liberer !== undefined);
    for (const serveur of [a, b]) {
      const rep = await statut(serveur);
      expect([serveur.url, rep.status, code(rep)]).toEqual([serveur.url, 409, 'requete_en_cours']);
    }
    liberer();
    await enCours;
    expect((await statut(a)).status).toBe(200);
    expect((await statut(b)).status).toBe(200);

    // A process killed mid-request never frees its marker: it holds until its expiry, then is taken over.
    await db('requetes_en_cours').insert({ cle, detenteur: 'processus-arrete', expire: Date.now() + DUREE_MARQUE_MS });
    expect((await statut(b)).status).toBe(409);
    await db('requetes_en_cours')
      .where({ cle })
      .update({ expire: Date.now() - 1 });
    expect((await statut(b)).status).toBe(200);
    expect((await statut(a)).status).toBe(200);
  });

  // SQLite instances each count in their own memory (docs/deploiement.md): the shared limit is PostgreSQL's.
  siPostgres('shares one rate limit across instances, reserved by blocks: never more than the limit in a second, at most one block short', async () => {
    const uai = (await db('etablissements').orderBy('uai').first('uai')).uai as string;
    // Open-data route, limited per client IP: this test's own address.
    const entetes = { 'X-Forwarded-For': '203.0.113.20' };
    let rafale: Reponse[] = [];
    for (let essai = 0; essai < 5; essai++) {
      await new Promise((r) => setTimeout(r, 1100));
      const debut = Date.now();
      rafale = await Promise.all(Array.from({ length: 3 * LIMITE }, (_, i) => appeler(`${(i % 2 ? a : b).url}/api-ecole/v1/etablissements/${uai}`, entetes)));
      if (Date.now() - debut < 600) break;
    }
    const acceptees = rafale.filter((r) => r.status === 200);
    const refusees = rafale.filter((r) => r.status === 429);
    expect(acceptees.length + refusees.length).toBe(3 * LIMITE);
    expect(acceptees.length).toBeLessThanOrEqual(LIMITE);
    expect(acceptees.length).toBeGreaterThanOrEqual(LIMITE - 1);
    // Both instances let some through: each reserved points from the same counter.
    expect(rafale.filter((r, i) => i % 2 === 1 && r.status === 200).length).toBeGreaterThan(0);
    expect(rafale.filter((r, i) => i % 2 === 0 && r.status === 200).length).toBeGreaterThan(0);
    expect(refusees.every((r) => code(r) === 'trop_de_requetes' && Number(r.entetes['retry-after']) >= 1)).toBe(true);
  });

  it('counts failed client authentications of one IP across instances: 429 with Retry-After at the configured count, on both', async () => {
    const ip = '203.0.113.7';
    const echecs = [];
    for (let i = 0; i < ECHECS; i++) echecs.push((await jeton(i % 2 === 0 ? a : b, 'demo-caf-35', ip, 'mauvais-secret')).status);
    expect(echecs).toEqual(Array(ECHECS).fill(401));

    // Each instance has seen only half of them: only a shared count reaches the limit.
    for (const serveur of [a, b]) {
      const refus = await jeton(serveur, 'demo-caf-35', ip);
      expect(refus.status).toBe(429);
      expect(code(refus)).toBe('trop_de_requetes');
      const apres = Number(refus.entetes['retry-after']);
      expect(apres).toBeGreaterThanOrEqual(1);
      expect(apres).toBeLessThanOrEqual(60);
    }
    // Another address is not held up.
    expect((await jeton(b, 'demo-caf-35', '203.0.113.8')).status).toBe(200);

    // The minute is over (its stored end moved to the past, rather than waiting 60 s): both instances issue tokens again.
    await db('limites_debit')
      .where({ key: `echecs_authentification:${ip}` })
      .update({ expire: Date.now() - 1 });
    expect((await jeton(a, 'demo-caf-35', ip)).status).toBe(200);
    expect((await jeton(b, 'demo-caf-35', ip)).status).toBe(200);
  });
});
