/**
 * Access matrix: every operation of the served contract × every demo client (and no token) ×
 * the territory codes of the demo data. Outside the client's scopes or territory: an error,
 * never personal data. Inside: no refusal, and only the fields of the scopes it holds.
 */
import request from 'supertest';
import { CLIENTS_DEMO } from '../../src/demo/demo';
import { demarrerAppDeTest, type AppDeTest } from '../support/app';
import {
  alternativeSatisfaite,
  champsNonAutorises,
  champsPersonnelsSansAmbiguite,
  lireContrat,
  operations,
  parametresParDefaut,
  scopesDe,
  SCOPES_PERSONNELS,
  urlDe,
  type Operation,
  type Spec,
} from './contrat';
import { estDansTerritoire, genreDuParametre, lieuxDeDemo, type Lieu } from './territoires';

interface Appelant {
  clientId: string | null;
  jeton?: string;
  scopes: string[];
}

interface Cas {
  appelant: Appelant;
  url: string;
  lieu?: Lieu;
}

let t: AppDeTest;
let spec: Spec;
let lieux: Lieu[];
let sansAmbiguite: Set<string>;
const appelants: Appelant[] = [{ clientId: null, scopes: [] }];

beforeAll(async () => {
  t = await demarrerAppDeTest({ LIMITE_REQUETES_PAR_SECONDE: '1000000', ECHECS_AUTHENTIFICATION_PAR_MINUTE: '1000000' });
  spec = await lireContrat(t.app);
  lieux = await lieuxDeDemo(t.db);
  sansAmbiguite = champsPersonnelsSansAmbiguite(spec);
  for (const c of CLIENTS_DEMO) {
    appelants.push({ clientId: c.clientId, jeton: await t.jeton(c.clientId), scopes: c.habilitations.flatMap((h) => h.scopes) });
  }
});
afterAll(() => t.fermer());

/** One request per territory code for each place parameter, or a single one when the operation takes none. */
function variantes(op: Operation): Array<{ url: string; lieu?: Lieu }> {
  const base = parametresParDefaut(spec, op);
  const emplacements = op.parametres.filter((p) => (p.in === 'path' || p.in === 'query') && genreDuParametre(p.name));
  if (emplacements.length === 0) return [{ url: urlDe(op, base.chemin, base.requete) }];
  return emplacements.flatMap((p) =>
    lieux
      .filter((l) => l.genre === genreDuParametre(p.name))
      .map((lieu) =>
        p.in === 'path'
          ? { url: urlDe(op, { ...base.chemin, [p.name]: lieu.code }, base.requete), lieu }
          : { url: urlDe(op, base.chemin, { ...base.requete, [p.name]: lieu.code }), lieu },
      ),
  );
}

/** A client lacking the scope needs two probes, not the whole territory list. */
function cas(op: Operation): Cas[] {
  const toutes = variantes(op);
  return appelants.flatMap((appelant) => {
    const habilite = op.alternatives === null || (appelant.jeton !== undefined && alternativeSatisfaite(op, appelant.scopes) !== undefined);
    const retenues = habilite ? toutes : toutes.filter((_v, i) => i === 0 || i === toutes.length - 1);
    return retenues.map((v) => ({ appelant, ...v }));
  });
}

function envoyer(op: Operation, c: Cas): request.Test {
  let req = request(t.app)[op.methode](c.url).set('Accept', 'application/json');
  if (c.appelant.jeton) req = req.set('Authorization', `Bearer ${c.appelant.jeton}`);
  if (op.methode !== 'get' && op.methode !== 'delete') req = req.send({});
  return req;
}

function corpsJson(rep: request.Response): unknown {
  return /json/.test(rep.headers['content-type'] ?? '') ? rep.body : undefined;
}

/** What the matrix expects: null when the answer is right, else a one-line reason. */
function ecart(op: Operation, c: Cas, rep: request.Response): string | null {
  const { appelant, lieu } = c;
  const statut = rep.status;
  if (statut >= 500) return `${statut} (erreur serveur)`;
  const estErreur = statut >= 400;
  if (estErreur && !/^application\/problem\+json/.test(rep.headers['content-type'] ?? '')) return `${statut} sans application/problem+json`;

  // A public operation may still narrow what a token without the right scope sees: only leaks count there.
  if (op.alternatives === null) {
    const fuites = champsNonAutorises(corpsJson(rep), [], sansAmbiguite);
    return fuites.length > 0 ? `${statut} divulgue ${fuites.slice(0, 5).join(', ')}` : null;
  }
  const alternative = appelant.jeton ? alternativeSatisfaite(op, appelant.scopes) : undefined;
  const autorise = alternative !== undefined && (lieu === undefined || alternative.every((s) => estDansTerritoire(appelant.clientId!, s, lieu) !== false));

  const fuites = champsNonAutorises(corpsJson(rep), autorise ? appelant.scopes : [], sansAmbiguite);
  if (fuites.length > 0) return `${statut} divulgue ${fuites.slice(0, 5).join(', ')}`;

  if (!appelant.jeton) return statut === 401 ? null : `${statut} au lieu de 401 sans jeton`;
  if (!autorise) {
    const attendus = alternative === undefined ? [401, 403] : [400, 403, 404, 422];
    return attendus.includes(statut) ? null : `${statut} hors ${lieu ? `territoire (${lieu.genre} ${lieu.code})` : 'scopes'} ; attendu ${attendus.join('/')}`;
  }
  if (statut === 401 || statut === 403)
    return `${statut} ${rep.body?.code ?? ''} alors que le client est habilité${lieu ? ` sur ${lieu.genre} ${lieu.code}` : ''}`;
  return null;
}

describe('matrice d’accès générée depuis /openapi.json', () => {
  it('covers every operation of the served contract', () => {
    expect(operations(spec).length).toBeGreaterThan(0);
  });

  it('refuses outside scopes and territories without personal data, and opens inside only the masked fields', async () => {
    const ecarts: string[] = [];
    let total = 0;
    let fichesVerifiees = 0;
    for (const op of operations(spec)) {
      for (const c of cas(op)) {
        const rep = await envoyer(op, c);
        total++;
        const raison = ecart(op, c, rep);
        if (rep.status < 300 && champsNonAutorises(corpsJson(rep), [], sansAmbiguite).length > 0) fichesVerifiees++;
        if (raison) ecarts.push(`${op.methode.toUpperCase()} ${c.url} [${c.appelant.clientId ?? 'sans jeton'}] : ${raison}`);
      }
    }
    expect(total).toBeGreaterThan(operations(spec).length * appelants.length);
    // The mask check must have met real personal records, or it proves nothing.
    const personnelles = operations(spec).filter((op) => scopesDe(op).some((s) => SCOPES_PERSONNELS.has(s)));
    if (personnelles.length > 0) expect(fichesVerifiees).toBeGreaterThan(0);
    expect(ecarts).toEqual([]);
  }, 120_000);
});
