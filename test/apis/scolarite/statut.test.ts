import fc from 'fast-check';
import request from 'supertest';
import { creerClient } from '../../../src/auth/clients';
import type { Contexte } from '../../../src/contexte';
import { requetesEnCours } from '../../../src/http/requetes-en-cours';
import { enregistrerOpposition } from '../../../src/privacy/opposition';
import { aujourdhui } from '../../../src/horloge';
import { changerStatut, soumettreHabilitation } from '../../../src/registry/habilitations';
import { CHAMPS_PAR_SCOPE } from '../../../src/registry/scopes';
import { REGIME, STATUT_ELEVE } from '../../../src/referentiels/nomenclatures';
import { demarrerAppDeTest, type AppDeTest } from '../../support/app';
import { anneeCourante, CAF, requete, temoins, TOUS_LES_SCOPES, type Temoin } from './aide';

let t: AppDeTest;
let jetonCaf: string;
let eleve: Temoin;

beforeAll(async () => {
  t = await demarrerAppDeTest({ LIMITE_REQUETES_PAR_SECONDE: '10000' });
  // The demo CAF holds statut, boursier and échelon; a second habilitation adds the two other scopes.
  const h = await soumettreHabilitation(
    t.db,
    {
      siret: CAF,
      finalite: 'droits_sociaux',
      scopes: ['scolarite:regime', 'scolarite:identite'],
      intitule: 'Tests : régime et identité',
      dateDebut: '2025-09-01',
      dateFin: '2099-12-31',
    },
    'test',
  );
  await changerStatut(t.db, h.id, 'validee', 'test', 'tests');
  jetonCaf = await t.jeton('demo-caf-35');
  [eleve] = await temoins(t.db, (q) => q.where('s.est_boursier', true).whereNotNull('s.regime'));
}, 120_000);
afterAll(() => t.fermer());

const appel = (chemin: string, jeton = jetonCaf) => request(t.app).get(chemin).set('Authorization', `Bearer ${jeton}`);

async function journalDe(requestId: string) {
  return t
    .db('journal')
    .where({ request_id: requestId })
    .select('api', 'operation', 'siret', 'finalite', 'scopes', 'champs', 'nombre_personnes', 'contexte', 'objet', 'resultat');
}

describe('un élève trouvé (200)', () => {
  it('with every scope: exactly what the source tables hold for the pupil', async () => {
    const jeton = await t.jeton('demo-caf-35', TOUS_LES_SCOPES.join(' '));
    const rep = await appel(requete(eleve), jeton).expect(200);
    expect(rep.body).toEqual({
      identite: { nom: eleve.nom, prenoms: eleve.prenoms.split(' '), sexe: eleve.sexe, date_naissance: eleve.date_naissance },
      est_scolarise: eleve.date_sortie === null,
      etablissement: {
        uai: eleve.uai,
        nom: eleve.etablissement_nom,
        code_ministere_tutelle: eleve.ministere_tutelle === "MINISTERE DE L'EDUCATION NATIONALE" ? '06' : null,
      },
      module_elementaire_formation: { code_mef_stat: eleve.code_mef_stat, libelle: eleve.libelle_mef },
      statut_eleve: { code: eleve.statut_eleve, libelle: STATUT_ELEVE[eleve.statut_eleve].libelle },
      annee_scolaire: anneeCourante(),
      est_boursier: true,
      echelon_bourse: eleve.echelon_bourse,
      regime_pensionnat: { code: eleve.regime, libelle: REGIME[eleve.regime!].libelle },
    });
    expect(rep.body).not.toHaveProperty('id');
  });

  it('each scope reveals exactly its fields (property over scope subsets)', async () => {
    const complet = (await appel(requete(eleve), await t.jeton('demo-caf-35', TOUS_LES_SCOPES.join(' '))).expect(200)).body;
    await fc.assert(
      fc.asyncProperty(fc.subarray(TOUS_LES_SCOPES, { minLength: 1 }), async (scopes) => {
        const rep = await appel(requete(eleve), await t.jeton('demo-caf-35', scopes.join(' '))).expect(200);
        const attendus = [...new Set(scopes.flatMap((s) => CHAMPS_PAR_SCOPE[s]))].sort();
        expect(Object.keys(rep.body).sort()).toEqual(attendus);
        for (const champ of attendus) expect(rep.body[champ]).toEqual(complet[champ]);
        const [entree] = await journalDe(rep.headers['x-request-id']);
        expect(JSON.parse(entree.scopes).sort()).toEqual([...scopes].sort());
        expect(JSON.parse(entree.champs).every((c: string) => attendus.includes(c.split('.')[0]))).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('the demo CAF client, by its own habilitation, sees statut, bourse and échelon only', async () => {
    const demo = await creerClient(t.db, { siret: CAF, nom: 'CAF 35 (sans scope demandé)' });
    const jeton = (
      await request(t.app)
        .post('/oauth/token')
        .auth(demo.client_id, demo.client_secret)
        .type('form')
        .send({ grant_type: 'client_credentials', scope: 'scolarite:statut scolarite:boursier scolarite:echelon-bourse' })
    ).body.access_token;
    const rep = await appel(requete(eleve), jeton).expect(200);
    expect(Object.keys(rep.body).sort()).toEqual([
      'annee_scolaire',
      'echelon_bourse',
      'est_boursier',
      'est_scolarise',
      'etablissement',
      'module_elementaire_formation',
      'statut_eleve',
    ]);
  });

  it('is journaled exactly once, with recipient, context, object, finalité, scopes and fields', async () => {
    const rep = await appel(requete(eleve, { context: 'ARS 2026', object: 'Dossier 2026-0042' })).expect(200);
    const entrees = await journalDe(rep.headers['x-request-id']);
    expect(entrees).toHaveLength(1);
    expect(entrees[0]).toMatchObject({
      api: 'api-scolarite',
      operation: 'StatutEleve',
      siret: CAF,
      finalite: 'droits_sociaux',
      nombre_personnes: 1,
      contexte: 'ARS 2026',
      objet: 'Dossier 2026-0042',
      resultat: 'communique',
    });
    expect(JSON.parse(entrees[0].champs)).toEqual(expect.arrayContaining(['est_boursier', 'etablissement.uai', 'identite.nom']));
  });
});

describe('correspondance de l’identité', () => {
  it('finds the pupil whatever the spelling of the name and first names', async () => {
    const [accentue] = await temoins(t.db, (q) => q.where((w) => w.where('e.nom', 'like', '% %').orWhere('e.nom', 'like', "%'%")));
    const variantes = [
      accentue.nom.toLowerCase(),
      `  ${accentue.nom.toUpperCase().replace(/ /g, '-')} `,
      accentue.nom
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/'/g, ' '),
      accentue.nom.replace(/ /g, '   ').replace(/'/g, '’'),
    ];
    for (const nomNaissance of variantes) {
      const rep = await appel(requete(accentue, { nomNaissance, prenoms: [accentue.prenoms.split(' ')[0].toUpperCase()] })).expect(200);
      expect(rep.body.etablissement.uai).toBe(accentue.uai);
    }
  });

  it('requires the exact birth date and sex, and the first names in civil order', async () => {
    const [annee, mois, jour] = eleve.date_naissance.split('-').map(Number);
    const lendemain = new Date(Date.UTC(annee, mois - 1, jour + 1));
    await appel(
      requete(eleve, {
        jourDateNaissance: lendemain.getUTCDate(),
        moisDateNaissance: lendemain.getUTCMonth() + 1,
        anneeDateNaissance: lendemain.getUTCFullYear(),
      }),
    ).expect(404);
    await appel(requete(eleve, { sexeEtatCivil: eleve.sexe === 'M' ? 'F' : 'M' })).expect(404);
    await appel(requete(eleve, { prenoms: ['Zébulon'] })).expect(404);
    await appel(requete(eleve, { prenoms: eleve.prenoms.split(' ')[0] })).expect(200);
  });

  it.each([
    [
      'codeEtablissement',
      (e: Temoin) => ({ codesDepartements: undefined, codeEtablissement: e.uai.toLowerCase() }),
      () => ({ codesDepartements: undefined, codeEtablissement: '0350026N' }),
    ],
    ['codesDepartements', () => ({ codesDepartements: ['22', '35'] }), () => ({ codesDepartements: ['22', '29'] })],
    [
      'codesRegions',
      (e: Temoin) => ({ codesDepartements: undefined, codesRegions: [e.code_region] }),
      () => ({ codesDepartements: undefined, codesRegions: ['11'] }),
    ],
  ])('perimeter %s: found inside, not outside', async (_nom, dedans, dehors) => {
    await appel(requete(eleve, dedans(eleve))).expect(200);
    const rep = await appel(requete(eleve, dehors())).expect(404);
    expect(rep.body.code).toBe('eleve_introuvable');
  });

  it('never returns several people: a shared identity asks for a narrower perimeter (422 identite_ambigue)', async () => {
    const [original, ailleurs] = await temoins(t.db, (q) => q.whereNot('s.niveau_code', 'like', '%PRO'));
    const copie = { ...(await t.db('eleves').where({ id: original.id }).first()), id: `${original.id}-JUMEAU`, ine: '0000000000Z' };
    await t.db('eleves').insert(copie);
    const scolarite = await t.db('scolarites').where({ eleve_id: original.id, annee_scolaire: anneeCourante() }).first();
    await t.db('scolarites').insert({ ...scolarite, eleve_id: copie.id, uai: ailleurs.uai === original.uai ? original.uai : ailleurs.uai });
    try {
      const rep = await appel(requete(original)).expect(422);
      expect(rep.body.code).toBe('identite_ambigue');
      expect(JSON.stringify(rep.body)).not.toContain(original.nom);
      expect(await journalDe(rep.headers['x-request-id'])).toEqual([expect.objectContaining({ nombre_personnes: 0, resultat: 'ambigu' })]);
      if (ailleurs.uai !== original.uai) {
        const precis = await appel(requete(original, { codesDepartements: undefined, codeEtablissement: original.uai })).expect(200);
        expect(precis.body.etablissement.uai).toBe(original.uai);
      }
    } finally {
      await t.db('scolarites').where({ eleve_id: copie.id }).delete();
      await t.db('eleves').where({ id: copie.id }).delete();
    }
  });

  it('a pupil who opposed this finalité is not found', async () => {
    const [, , oppose] = await temoins(t.db);
    await appel(requete(oppose)).expect(200);
    await enregistrerOpposition(t.db, { personneId: oppose.id, finaliteCode: 'droits_sociaux', dateDebut: aujourdhui(), origine: 'courrier (test)' });
    expect((await appel(requete(oppose)).expect(404)).body.code).toBe('eleve_introuvable');
  });
});

describe('erreurs', () => {
  it('404 eleve_introuvable is journaled without any person', async () => {
    const rep = await appel(requete({ nom: 'Personne', prenoms: 'Inconnue', sexe: 'F', date_naissance: '2010-01-01' })).expect(404);
    expect(rep.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(rep.body.code).toBe('eleve_introuvable');
    expect(await journalDe(rep.headers['x-request-id'])).toEqual([
      expect.objectContaining({
        nombre_personnes: 0,
        champs: '[]',
        resultat: 'non_trouve',
        contexte: 'Allocation de rentrée scolaire',
        objet: 'Dossier de test',
      }),
    ]);
  });

  it('401 without token, with an unknown, expired or revoked token', async () => {
    expect((await request(t.app).get(requete(eleve)).expect(401)).body.code).toBe('jeton_absent');
    expect((await appel(requete(eleve), 'inconnu').expect(401)).body.code).toBe('jeton_invalide');
    const client = await creerClient(t.db, { siret: CAF, nom: 'CAF 35 (jetons éphémères)' });
    const jeton = async () =>
      (await request(t.app).post('/oauth/token').auth(client.client_id, client.client_secret).type('form').send({ grant_type: 'client_credentials' })).body
        .access_token as string;
    const revoque = await jeton();
    await appel(requete(eleve), revoque).expect(200);
    await request(t.app).post('/oauth/revoke').auth(client.client_id, client.client_secret).type('form').send({ token: revoque }).expect(200);
    expect((await appel(requete(eleve), revoque).expect(401)).body.code).toBe('jeton_invalide');
    const expire = await jeton();
    await t
      .db('oauth_tokens')
      .where({ client_id: client.client_id })
      .update({ expire_le: new Date(Date.now() - 1000).toISOString() });
    expect((await appel(requete(eleve), expire).expect(401)).body.code).toBe('jeton_invalide');
  });

  it('403 scope_insuffisant for a token without any scolarité scope', async () => {
    const rep = await appel(requete(eleve), await t.jeton('demo-mairie-rennes')).expect(403);
    expect(rep.body.code).toBe('scope_insuffisant');
  });

  it('403 destinataire_non_autorise when recipient is another administration', async () => {
    const rep = await appel(requete(eleve, { recipient: '21350238800019' })).expect(403);
    expect(rep.body.code).toBe('destinataire_non_autorise');
  });

  it.each([
    ['without recipient', { recipient: undefined }],
    ['without context', { context: undefined }],
    ['with an empty object', { object: '' }],
    ['without perimeter', { codesDepartements: undefined }],
    ['with two perimeters', { codesRegions: ['53'] }],
  ])('422 entite_non_traitable %s', async (_cas, autres) => {
    expect((await appel(requete(eleve, autres)).expect(422)).body.code).toBe('entite_non_traitable');
  });

  it.each([
    [{ recipient: '53408918800014' }],
    [{ prenoms: ['A', 'B', 'C', 'D'] }],
    [{ sexeEtatCivil: 'X' }],
    [{ moisDateNaissance: 13 }],
    [{ codesDepartements: undefined, codeEtablissement: '0350026P' }],
    [{ object: 'x'.repeat(51) }],
  ])('400 requete_invalide for %j, naming the field without echoing the identity', async (autres) => {
    const rep = await appel(requete(eleve, autres)).expect(400);
    expect(rep.body.code).toBe('requete_invalide');
    expect(rep.body.erreurs.length).toBeGreaterThan(0);
    expect(JSON.stringify(rep.body)).not.toContain(eleve.nom);
  });

  it('409 requete_en_cours while the identical request of the same client is in flight', async () => {
    const registre = requetesEnCours(t.app.locals.contexte as Contexte);
    const executer = registre.executer.bind(registre);
    let entrer!: () => void;
    const dedans = new Promise<void>((r) => (entrer = r));
    let liberer!: () => void;
    const retenue = new Promise<void>((r) => (liberer = r));
    // Holds the first request inside its slot until the test lets it go: no race with the clock.
    const espion = jest.spyOn(registre, 'executer').mockImplementationOnce(((cle: string, traiter: () => Promise<unknown>) =>
      executer(cle, async () => {
        entrer();
        await retenue;
        return traiter();
      })) as typeof registre.executer);
    try {
      const premiere = appel(requete(eleve)).then((r) => r);
      await dedans;
      const seconde = await appel(requete(eleve)).expect(409);
      expect(seconde.body.code).toBe('requete_en_cours');
      await appel(requete(eleve, { object: 'Un autre dossier' })).expect(200);
      liberer();
      expect((await premiere).status).toBe(200);
      await appel(requete(eleve)).expect(200);
    } finally {
      espion.mockRestore();
    }
  });

  it('RateLimit headers on every response', async () => {
    for (const rep of [await appel(requete(eleve)), await appel(requete(eleve, { recipient: undefined }))]) {
      expect(rep.headers['ratelimit-limit']).toBe('10000');
      expect(Number(rep.headers['ratelimit-remaining'])).toBeLessThan(10000);
      expect(rep.headers['ratelimit-reset']).toMatch(/^\d+$/);
    }
  });
});
