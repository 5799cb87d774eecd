/**
 * Token life cycle across every protected operation of the served contract (test/auth covers
 * the OAuth endpoints and one route each): a token that stops being valid stops opening every
 * API at once, and no way of smuggling or guessing one works.
 */
import request from 'supertest';
import { CLIENTS_DEMO } from '../../src/demo/demo';
import { demarrerAppDeTest, type AppDeTest } from '../support/app';
import { alternativeSatisfaite, lireContrat, operations, parametresParDefaut, urlDe, type Operation, type Spec } from './contrat';

let t: AppDeTest;
let spec: Spec;
let protegees: Operation[];

beforeAll(async () => {
  t = await demarrerAppDeTest({ LIMITE_REQUETES_PAR_SECONDE: '1000000', ECHECS_AUTHENTIFICATION_PAR_MINUTE: '1000000' });
  spec = await lireContrat(t.app);
  protegees = operations(spec).filter((op) => op.alternatives !== null);
});
afterAll(() => t.fermer());

const scopesDu = (clientId: string) => CLIENTS_DEMO.find((c) => c.clientId === clientId)!.habilitations.flatMap((h) => h.scopes);

/** The operations a demo client's token opens, each with its example parameters. */
function ouvertesPar(clientId: string): Operation[] {
  return protegees.filter((op) => alternativeSatisfaite(op, scopesDu(clientId)) !== undefined);
}

function appeler(op: Operation, entetes: Record<string, string> = {}, requete: Record<string, string> = {}): request.Test {
  const { chemin, requete: base } = parametresParDefaut(spec, op);
  const req = request(t.app)
    [op.methode](urlDe(op, chemin, { ...base, ...requete }))
    .set('Accept', 'application/json')
    .set(entetes);
  return op.methode === 'get' || op.methode === 'delete' ? req : req.send({});
}

const bearer = (jeton: string) => ({ Authorization: `Bearer ${jeton}` });

/** Each protected operation answers `code` (401) to this token, with the Bearer challenge. */
async function refuseePartout(ops: Operation[], entetes: Record<string, string>, code: string): Promise<string[]> {
  const ecarts: string[] = [];
  for (const op of ops) {
    const rep = await appeler(op, entetes);
    if (rep.status !== 401 || rep.body.code !== code || !/^Bearer/.test(rep.headers['www-authenticate'] ?? '')) {
      ecarts.push(`${op.methode.toUpperCase()} ${op.chemin} : ${rep.status} ${rep.body.code}`);
    }
  }
  return ecarts;
}

/** The token is accepted by each of these operations: validation, not-found or territory answers come after authentication. */
async function accepteePartout(ops: Operation[], jeton: string): Promise<string[]> {
  const ecarts: string[] = [];
  for (const op of ops) {
    const rep = await appeler(op, bearer(jeton));
    if (rep.status === 401 || rep.body.code === 'scope_insuffisant' || rep.status >= 500)
      ecarts.push(`${op.methode.toUpperCase()} ${op.chemin} : ${rep.status} ${rep.body.code}`);
  }
  return ecarts;
}

describe('jetons forgés ou détournés', () => {
  it('refuses a forged token of the right shape, a truncated one and one with a character changed', async () => {
    const jeton = await t.jeton('demo-mairie-rennes');
    const ops = ouvertesPar('demo-mairie-rennes');
    expect(ops.length).toBeGreaterThan(0);
    expect(await accepteePartout(ops, jeton)).toEqual([]);
    const change = jeton.slice(0, 10) + (jeton[10] === 'A' ? 'B' : 'A') + jeton.slice(11);
    for (const faux of [jeton.slice(0, -1), jeton.slice(0, 20), change, 'A'.repeat(jeton.length), `${jeton}A`]) {
      expect(await refuseePartout(ops, bearer(faux), 'jeton_invalide')).toEqual([]);
    }
  });

  it('refuses malformed Authorization headers: another scheme, client credentials, an empty or doubled bearer', async () => {
    const jeton = await t.jeton('demo-caf-35');
    const ops = ouvertesPar('demo-caf-35');
    const basic = `Basic ${Buffer.from('demo-caf-35:demo-secret-caf-35').toString('base64')}`;
    for (const entete of [basic, `Token ${jeton}`, 'Bearer ', `Bearer ${jeton} ${jeton}`, `Bearer ${jeton},${jeton}`]) {
      expect(await refuseePartout(ops, { Authorization: entete }, 'jeton_invalide')).toEqual([]);
    }
  });

  it('never lets a client use another client’s token to reach the other’s scopes, nor its own token beyond them', async () => {
    const caf = await t.jeton('demo-caf-35');
    const rennes = ouvertesPar('demo-mairie-rennes').filter((op) => alternativeSatisfaite(op, scopesDu('demo-caf-35')) === undefined);
    expect(rennes.length).toBeGreaterThan(0);
    for (const op of rennes) {
      const rep = await appeler(op, bearer(caf));
      expect([op.chemin, rep.status, rep.body.code]).toEqual([op.chemin, 403, 'scope_insuffisant']);
    }
  });

  it('refuses a token in the query string on every protected operation, even alongside a valid header', async () => {
    const jeton = await t.jeton('demo-mairie-rennes');
    for (const op of ouvertesPar('demo-mairie-rennes')) {
      for (const entetes of [{}, bearer(jeton)]) {
        const rep = await appeler(op, entetes, { access_token: jeton });
        expect([op.chemin, rep.status, rep.body.code]).toEqual([op.chemin, 400, 'jeton_dans_url']);
      }
    }
  });
});

describe('rejeu d’un jeton qui n’est plus valable', () => {
  it('refuses an expired token everywhere; a new token works again', async () => {
    const jeton = await t.jeton('demo-departement-35');
    const ops = ouvertesPar('demo-departement-35');
    await t
      .db('oauth_tokens')
      .where({ client_id: 'demo-departement-35' })
      .update({ expire_le: new Date(Date.now() - 1000).toISOString() });
    expect(await refuseePartout(ops, bearer(jeton), 'jeton_invalide')).toEqual([]);
    expect(await accepteePartout(ops, await t.jeton('demo-departement-35'))).toEqual([]);
  });

  it('refuses a token revoked by its client (RFC 7009) everywhere, while the client’s other tokens keep working', async () => {
    const [revoque, autre] = [await t.jeton('demo-region-bretagne'), await t.jeton('demo-region-bretagne')];
    const ops = ouvertesPar('demo-region-bretagne');
    const rev = await request(t.app).post('/oauth/revoke').auth('demo-region-bretagne', 'demo-secret-region-bretagne').type('form').send({ token: revoque });
    expect(rev.status).toBe(200);
    expect(await refuseePartout(ops, bearer(revoque), 'jeton_invalide')).toEqual([]);
    expect(await accepteePartout(ops, autre)).toEqual([]);
  });

  it('refuses every token of a deactivated client', async () => {
    const jeton = await t.jeton('demo-editeur-restauration');
    const ops = ouvertesPar('demo-editeur-restauration');
    await t.db('oauth_clients').where({ client_id: 'demo-editeur-restauration' }).update({ actif: false });
    expect(await refuseePartout(ops, bearer(jeton), 'jeton_invalide')).toEqual([]);
  });

  it('cuts live tokens on the routes of a revoked habilitation, and only there', async () => {
    const client = 'demo-mairie-rennes';
    const jeton = await t.jeton(client);
    const operateur = await t.jeton('demo-operateur');
    const siret = CLIENTS_DEMO.find((c) => c.clientId === client)!.destinataire.siret;
    const liste = await request(t.app).get(`/admin/habilitations?siret=${siret}&statut=validee`).set(bearer(operateur));
    expect(liste.status).toBe(200);
    const habilitations = (Array.isArray(liste.body) ? liste.body : liste.body.habilitations) as Array<{ id: string; scopes: string[] }>;
    const cible = habilitations.find((h) => h.scopes.includes('ecole:effectifs'))!;
    const revocation = await request(t.app).post(`/admin/habilitations/${cible.id}/revocation`).set(bearer(operateur)).send({ motif: 'Test de révocation' });
    expect(revocation.status).toBe(200);

    const restants = scopesDu(client).filter((s) => !cible.scopes.includes(s));
    const coupees = ouvertesPar(client).filter((op) => alternativeSatisfaite(op, restants) === undefined);
    const intactes = ouvertesPar(client).filter((op) => alternativeSatisfaite(op, restants) !== undefined);
    expect(coupees.length).toBeGreaterThan(0);
    expect(await refuseePartout(coupees, bearer(jeton), 'habilitation_inactive')).toEqual([]);
    expect(await accepteePartout(intactes, jeton)).toEqual([]);
    // A new token no longer carries the revoked scopes.
    const nouveau = await request(t.app).post('/oauth/token').auth(client, 'demo-secret-mairie-rennes').type('form').send({ grant_type: 'client_credentials' });
    expect(nouveau.body.scope.split(' ')).toEqual(expect.not.arrayContaining(cible.scopes));
  });
});
