/**
 * Fuzzer: more than 10 000 requests built from the served contract with malformed values
 * (injections, huge or negative numbers, wrong types, Unicode edge cases, oversized bodies and
 * headers, wrong methods and content types). Whatever arrives: no 5xx, no stack trace, and
 * every error is a problem+json document with a code of the catalogue.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import catalogue from '../../src/http/problemes.json';
import { CLIENTS_DEMO } from '../../src/demo/demo';
import { demarrerAppDeTest, type AppDeTest } from '../support/app';
import { lireContrat, operations, parametresParDefaut, resoudre, urlDe, type Operation, type Spec } from './contrat';

let t: AppDeTest;
let serveur: http.Server;
let spec: Spec;
let ops: Operation[];
let jetons: string[];
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
let envoyees = 0;

beforeAll(async () => {
  t = await demarrerAppDeTest({ LIMITE_REQUETES_PAR_SECONDE: '1000000', ECHECS_AUTHENTIFICATION_PAR_MINUTE: '1000000' });
  serveur = http.createServer(t.app).listen(0, '127.0.0.1');
  await new Promise((ok) => serveur.once('listening', ok));
  spec = await lireContrat(t.app);
  ops = operations(spec);
  jetons = await Promise.all(CLIENTS_DEMO.map((c) => t.jeton(c.clientId)));
});
afterAll(async () => {
  agent.destroy();
  if (serveur) await new Promise((ok) => serveur.close(ok));
  await t?.fermer();
});

interface Reponse {
  statut: number;
  type: string;
  corps: string;
}

function envoyer(methode: string, chemin: string, entetes: Record<string, string> = {}, corps?: string | Buffer): Promise<Reponse> {
  envoyees++;
  return new Promise((ok, ko) => {
    const port = (serveur.address() as AddressInfo).port;
    const req = http.request({ host: '127.0.0.1', port, method: methode, path: chemin, headers: entetes, agent }, (res) => {
      const morceaux: Buffer[] = [];
      res.on('data', (m: Buffer) => morceaux.push(m));
      res.on('end', () =>
        ok({ statut: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), corps: Buffer.concat(morceaux).toString('utf8') }),
      );
    });
    req.on('error', ko);
    req.end(corps);
  });
}

// A stack frame's "at", not the end of a French word ("baccalauréat"): \b would split at the "é".
const TRACE_PILE =
  /(?<![\p{L}\p{N}_])at [\w$.<>]+ \(|(?<![\p{L}\p{N}_])at .+:\d+:\d+|node_modules|\/src\/.*\.ts|SqliteError|QueryFailedError|error: (select|insert|update)|Error: /u;

/** The properties every answer must have; the submitted value must not come back in an error. */
function verifier(methode: string, rep: Reponse, soumis?: string): void {
  const contexte = `${methode} → ${rep.statut} ${rep.corps.slice(0, 300)}`;
  if (rep.statut >= 500) throw new Error(`5xx : ${contexte}`);
  if (TRACE_PILE.test(rep.corps)) throw new Error(`trace interne divulguée : ${contexte}`);
  if (rep.statut < 400 || methode === 'HEAD') return;
  if (!/^application\/problem\+json/.test(rep.type)) throw new Error(`erreur hors problem+json (${rep.type}) : ${contexte}`);
  const doc = JSON.parse(rep.corps) as { code?: string; status?: number; instance?: string };
  if (!doc.code || !(doc.code in catalogue)) throw new Error(`code absent du catalogue : ${contexte}`);
  if (doc.status !== rep.statut) throw new Error(`status du document ≠ statut HTTP : ${contexte}`);
  const { instance: _instance, ...sansInstance } = doc;
  if (soumis && soumis.length >= 6 && JSON.stringify(sansInstance).includes(JSON.stringify(soumis).slice(1, -1))) {
    throw new Error(`valeur soumise renvoyée dans l'erreur : ${contexte}`);
  }
}

// --- Malformed values ---------------------------------------------------------------------

const INJECTIONS = [
  "' OR '1'='1",
  '1; DROP TABLE eleves;--',
  '" OR ""="',
  "1' UNION SELECT token_hash FROM oauth_tokens--",
  "'; SELECT pg_sleep(5)--",
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd%00.json',
  'file:///etc/passwd',
  '\r\nSet-Cookie: pris=1',
  'a\r\n\r\n<html>',
  '<script>alert(1)</script>',
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  '1e309',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '0x1F',
  '1_000',
  '99999999999999999999999999',
  '-1',
  '-2147483649',
  '2147483648',
  '9007199254740993',
  '1.5',
  '[]',
  '{}',
  'null',
  'true',
  '',
  ' ',
  '\t',
  '\u202Eeléve\u202C',
  '\u200F\u05E9\u05DC\u05D5\u05DD',
  '\uD800',
  '\uDFFF',
  'a\uD83D',
  '\u0000',
  'x\u0000y',
  '\uFEFF35238',
  '\uFFFF',
  '𝕏𝕐',
  'Ǆ',
  'ß',
  'İ',
  'e\u0301',
  '３５２３８',
  '0350122t',
  '0350122T ',
  ' 35238',
  'a'.repeat(5000),
  '9'.repeat(400),
];

const valeurMalformee: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.oneof(fc.bigInt(), fc.double(), fc.integer()).map(String) },
  { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v) ?? '') },
);

/** UTF-8 percent-encoding that survives lone surrogates (encoded as WTF-8, invalid UTF-8 for the server). */
function encoder(v: string): string {
  let sortie = '';
  for (let i = 0; i < v.length; i++) {
    const code = v.codePointAt(i)!;
    if (code > 0xffff) {
      sortie += encodeURIComponent(String.fromCodePoint(code));
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      sortie += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)].map((o) => `%${o.toString(16).toUpperCase()}`).join('');
    } else sortie += encodeURIComponent(v[i]);
  }
  return sortie;
}

/** Broken percent-encodings, sent as they are. */
const BRUTS = ['%', '%zz', '%E0%A4', '%C0%AE%C0%AE%2F', '%2e%2e%2f%2e%2e%2f', '..%252f', '%FF%FE', '%00'];

function chemin(op: Operation, chemins: Record<string, string>, requete: Record<string, string>): string {
  const p = op.chemin.replace(/\{([^}]+)\}/g, (_m, nom: string) => chemins[nom] ?? 'x');
  const qs = Object.entries(requete)
    .map(([k, v]) => `${encoder(k)}=${v}`)
    .join('&');
  return qs ? `${p}?${qs}` : p;
}

const choisirJeton = fc.nat().map((i) => (i % 4 === 0 ? undefined : jetons[i % jetons.length]));

function entetesAuth(jeton: string | undefined): Record<string, string> {
  return jeton ? { Authorization: `Bearer ${jeton}`, Accept: 'application/json' } : { Accept: 'application/json' };
}

// --- Properties -----------------------------------------------------------------------------

describe('fuzzer construit depuis le contrat', () => {
  it('survives malformed path and query parameters on every operation', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), valeurMalformee, fc.boolean(), fc.boolean(), choisirJeton, async (iOp, iParam, valeur, brut, enPlus, jeton) => {
        const op = ops[iOp % ops.length];
        const base = parametresParDefaut(spec, op);
        const chemins = Object.fromEntries(Object.entries(base.chemin).map(([k, v]) => [k, encodeURIComponent(v)]));
        const requete = Object.fromEntries(Object.entries(base.requete).map(([k, v]) => [k, encodeURIComponent(v)]));
        const params = op.parametres.filter((p) => p.in === 'path' || p.in === 'query');
        const encode = brut ? BRUTS[iParam % BRUTS.length] : encoder(valeur);
        if (enPlus || params.length === 0) requete[`champ${iParam % 3}`] = encode;
        else {
          const p = params[iParam % params.length];
          (p.in === 'path' ? chemins : requete)[p.name] = encode;
        }
        const corps = op.methode === 'get' || op.methode === 'delete' ? undefined : '{}';
        const entetes = { ...entetesAuth(jeton), ...(corps ? { 'Content-Type': 'application/json' } : {}) };
        verifier(op.methode, await envoyer(op.methode.toUpperCase(), chemin(op, chemins, requete), entetes, corps), brut ? undefined : valeur);
      }),
      { numRuns: 5000, seed: 20260110 },
    );
  }, 300_000);

  it('survives malformed, mistyped and oversized bodies and wrong content types', async () => {
    const avecCorps = ops.filter((op) => op.corps);
    const corpsMalforme = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
      fc.anything({ withBigInt: false }).map((v) => {
        try {
          return JSON.stringify(v) ?? '"x"';
        } catch {
          return '"x"';
        }
      }),
      fc.constantFrom(
        '{',
        '{"a":',
        '[1,2',
        '{"__proto__":{"admin":true}}',
        '{"constructor":{"prototype":{"x":1}}}',
        'null',
        '"texte"',
        '12',
        '\u0000',
        '{"a":"\uD800"}',
      ),
      fc
        .nat({ max: 3 })
        .map((n) =>
          n === 0
            ? '['.repeat(100_000)
            : n === 1
              ? JSON.stringify({ x: 'a'.repeat(200_000) })
              : n === 2
                ? `${'['.repeat(5000)}${']'.repeat(5000)}`
                : JSON.stringify(Array(30_000).fill(1)),
        ),
    );
    const typeContenu = fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'text/plain',
      'application/xml',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/merge-patch+json',
      '',
      '*/*',
      'application/json;;',
    );
    await fc.assert(
      fc.asyncProperty(fc.nat(), corpsMalforme, typeContenu, choisirJeton, fc.boolean(), async (i, corps, type, jeton, champValide) => {
        const op = avecCorps.length > 0 ? avecCorps[i % avecCorps.length] : ops[i % ops.length];
        const base = parametresParDefaut(spec, op);
        // Half the time: a well-formed object whose one required field gets the malformed value.
        const schema = resoudre(spec, op.corps);
        const requis = schema.required?.[i % Math.max(1, schema.required.length)];
        let texte = corps;
        if (champValide && requis) {
          try {
            texte = JSON.stringify({ [requis]: JSON.parse(corps) });
          } catch {
            /* keep the malformed text */
          }
        }
        const methode = op.corps ? op.methode.toUpperCase() : 'POST';
        const entetes: Record<string, string> = { ...entetesAuth(jeton), ...(type ? { 'Content-Type': type } : {}) };
        verifier(methode, await envoyer(methode, urlDe(op, base.chemin, base.requete), entetes, texte));
      }),
      { numRuns: 2500, seed: 20260111 },
    );
  }, 300_000);

  it('survives wrong methods on every path and odd or oversized headers', async () => {
    const chemins = [...new Set(ops.map((op) => op.chemin))];
    const declarees = new Set(ops.map((op) => `${op.methode.toUpperCase()} ${op.chemin}`));
    const methode = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'PROPFIND', 'M-SEARCH', 'PURGE');
    const entete = fc.oneof(
      fc.constantFrom<[string, string]>(
        ['Accept', 'text/html'],
        ['Accept', 'application/xml'],
        ['Accept', 'text/csv'],
        ['Accept', '*/*;q=0'],
        ['Accept', 'application/json;q=abc'],
        ['Accept-Encoding', 'gzip;q=2, br;q=-1'],
        ['If-None-Match', '"'.repeat(50)],
        ['If-None-Match', 'W/"x", *'],
        ['Range', 'bytes=-1-2'],
        ['X-Request-Id', '../../etc/passwd'],
        ['X-Request-Id', 'a'.repeat(300)],
        ['X-Forwarded-For', '1.2.3.4, ::1, 300.0.0.1'],
        ['Content-Length', '0'],
        ['Authorization', 'Bearer '],
        ['Authorization', `Bearer ${'A'.repeat(8000)}`],
        ['Authorization', 'Basic ::::'],
        ['Cookie', 'a=b; '.repeat(500)],
        ['Accept-Language', 'fr;q=1.0, *;q=0'],
      ),
      fc.tuple(
        fc.constantFrom('X-Fuzz', 'Accept', 'If-None-Match', 'X-Request-Id'),
        fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, 'a')),
      ),
      fc.integer({ min: 1, max: 12 }).map((k): [string, string] => ['X-Volumineux', 'v'.repeat(k * 1000)]),
    );
    await fc.assert(
      fc.asyncProperty(fc.nat(), methode, entete, choisirJeton, async (i, m, [nom, valeur], jeton) => {
        const cheminOp = chemins[i % chemins.length];
        const op = ops.find((o) => o.chemin === cheminOp)!;
        const base = parametresParDefaut(spec, op);
        const rep = await envoyer(m, urlDe(op, base.chemin, base.requete), { ...entetesAuth(jeton), [nom]: valeur });
        verifier(m, rep);
        // A method the contract does not declare never reaches an operation.
        if (!declarees.has(`${m} ${cheminOp}`) && !['HEAD', 'OPTIONS'].includes(m) && !(m === 'HEAD' && declarees.has(`GET ${cheminOp}`))) {
          expect([404, 405]).toContain(rep.statut);
        }
      }),
      { numRuns: 2500, seed: 20260112 },
    );
  }, 300_000);

  it('survives unknown routes built from the contract’s own segments', async () => {
    const segments = [...new Set(ops.flatMap((op) => op.chemin.split('/')).filter((s) => s && !s.startsWith('{')))];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constantFrom(...segments), valeurMalformee.map(encoder), fc.constantFrom(...BRUTS)), { minLength: 1, maxLength: 6 }),
        choisirJeton,
        async (parts, jeton) => {
          verifier('GET', await envoyer('GET', `/${parts.join('/')}`, entetesAuth(jeton)));
        },
      ),
      { numRuns: 1000, seed: 20260113 },
    );
  }, 300_000);

  it('sent at least 10 000 requests', () => {
    expect(envoyees).toBeGreaterThanOrEqual(10_000);
  });
});
