import request from 'supertest';
import { main as cli } from '../../scripts/cli';
import { CLIENTS_DEMO } from '../../src/demo/demo';
import { aujourdhui } from '../../src/horloge';
import { verifierJournal } from '../../src/privacy/journal';
import { hacherPersonne, pseudonyme } from '../../src/privacy/pseudonyme';
import { ajouterJours } from '../../src/referentiels/calendrier';
import { demarrerAppDeTest, type AppDeTest } from '../support/app';
import { appliquerChangements, CHEMIN_RENNES, RENNES, toutesLesPages } from '../apis/mairie/client-mairie';

const RESTAURATION = 'restauration_scolaire';
const siretDe = (clientId: string) => CLIENTS_DEMO.find((c) => c.clientId === clientId)!.destinataire.siret;

let t: AppDeTest;
let jetonDpo: string;
let jetonEditeur: string;
let derniere: string;
/** Pupils of public écoles of Rennes on today's list, as the catering software receives them. */
let eleves: Array<{ id: string; ine: string }>;

beforeAll(async () => {
  // Whole lists are paged through several times: the per-habilitation limit is tested in API scolarité.
  t = await demarrerAppDeTest({ LIMITE_REQUETES_PAR_SECONDE: '1000' });
  jetonDpo = await t.jeton('demo-operateur', 'dpo');
  jetonEditeur = await t.jeton('demo-editeur-restauration');
  derniere = (await t.db('obligation_publications').where({ code_commune: RENNES }).max({ d: 'date_publication' }).first())!.d;
  eleves = await t
    .db('obligation_versions as v')
    .join('etablissements as e', 'e.uai', 'v.uai')
    .join('eleves as p', 'p.id', 'v.eleve_id')
    .where({ 'v.code_commune': RENNES, 'e.statut': 'public', 'e.type': 'ecole', 'e.code_commune': RENNES, 'v.mode_instruction': 'public' })
    .where('v.valide_du', '<=', derniere)
    .whereNull('v.valide_jusqu_au')
    .orderBy('v.eleve_id')
    .select('v.eleve_id as id', 'p.ine')
    .limit(5);
}, 120_000);
afterAll(() => t.fermer());

function dpo(chemin: string) {
  return {
    post: (corps: object) => request(t.app).post(chemin).set('Authorization', `Bearer ${jetonDpo}`).send(corps),
    get: () => request(t.app).get(chemin).set('Authorization', `Bearer ${jetonDpo}`),
  };
}

const idCantine = (idInterne: string) => pseudonyme(t.config.cles.pseudonyme, idInterne, siretDe('demo-editeur-restauration'));

describe('opposition (RGPD art. 21) enregistrée par le DPO', () => {
  it("retire l'enfant de la liste de restauration suivante et du flux de changements ; la levée l'y ramène", async () => {
    const eleve = eleves[0];
    const id = idCantine(eleve.id);
    const copie = await toutesLesPages(t, jetonEditeur, `${CHEMIN_RENNES}?limit=1000`);
    expect(copie.date_reference).toBe(derniere);
    expect(copie.enfants.has(id)).toBe(true);

    const rep = await dpo('/dpo/oppositions').post({ ine: eleve.ine, finalite: RESTAURATION, origine: 'courrier des parents reçu le 28/11' });
    expect(rep.status).toBe(201);
    expect(rep.body).toEqual({
      id: expect.any(Number),
      id_interne: eleve.id,
      finalite: RESTAURATION,
      date_debut: aujourdhui(),
      date_fin: null,
      origine: 'courrier des parents reçu le 28/11',
      enregistree_le: expect.any(String),
      en_cours: true,
    });

    // The software that downloaded the list earlier today learns it from the change feed.
    const bilan = await appliquerChangements(t, jetonEditeur, CHEMIN_RENNES, copie.enfants, copie.jeton_synchronisation);
    expect(bilan.retraits).toContainEqual({ id, motif: 'hors_perimetre' });
    const fraiche = await toutesLesPages(t, jetonEditeur, `${CHEMIN_RENNES}?limit=1000`);
    expect(fraiche.enfants.has(id)).toBe(false);
    expect(fraiche.nombre_exclus).toBe(1);
    expect(copie.enfants).toEqual(fraiche.enfants);

    // A second letter for the same purpose does not duplicate it.
    const doublon = await dpo('/dpo/oppositions').post({ id_interne: eleve.id, finalite: RESTAURATION, origine: 'courriel' });
    expect(doublon.status).toBe(409);
    expect(doublon.body).toMatchObject({ code: 'conflit', opposition_id: rep.body.id });

    const levee = await dpo('/dpo/oppositions/levees').post({ id_interne: eleve.id, finalite: RESTAURATION });
    expect(levee.status).toBe(200);
    expect(levee.body).toEqual({ oppositions_levees: 1 });
    const retour = await appliquerChangements(t, jetonEditeur, CHEMIN_RENNES, copie.enfants, bilan.jeton);
    expect(retour.ajouts).toBeGreaterThanOrEqual(1);
    expect(copie.enfants.has(id)).toBe(true);
    const rendue = await toutesLesPages(t, jetonEditeur, `${CHEMIN_RENNES}?limit=1000`);
    expect(rendue.nombre_exclus).toBeUndefined();
    expect(copie.enfants).toEqual(rendue.enfants);

    // Nothing left to lift.
    const encore = await dpo('/dpo/oppositions/levees').post({ id_interne: eleve.id, finalite: RESTAURATION });
    expect(encore.status).toBe(404);
  });

  it("journalise l'enregistrement et la levée (auteur, finalité, personne hachée) et les montre au rapport de la personne", async () => {
    const eleve = eleves[1];
    const avant = Number((await t.db('journal').max({ s: 'sequence' }).first())!.s ?? 0);
    expect((await dpo('/dpo/oppositions').post({ id_interne: eleve.id, finalite: RESTAURATION, origine: 'formulaire' })).status).toBe(201);
    expect((await dpo('/dpo/oppositions/levees').post({ ine: eleve.ine, finalite: RESTAURATION })).status).toBe(200);

    const entrees = await t.db('journal').where('sequence', '>', avant).where('api', 'droits-personnes').orderBy('sequence');
    expect(entrees.map((e) => [e.operation, e.resultat])).toEqual([
      ['enregistrerOpposition', 'opposition_enregistree'],
      ['leverOpposition', 'opposition_levee'],
    ]);
    for (const e of entrees) {
      expect(e).toMatchObject({ client_id: 'demo-operateur', siret: siretDe('demo-operateur'), finalite: RESTAURATION, nombre_personnes: 1 });
      expect(JSON.parse(e.personnes)).toEqual([hacherPersonne(t.config.cles.journal, eleve.id)]);
      expect(e.personnes).not.toContain(eleve.id);
    }
    expect(await verifierJournal(t.db)).toMatchObject({ ok: true });

    const rapport = await dpo(`/dpo/personnes/divulgations?idInterne=${eleve.id}`).get();
    expect(rapport.status).toBe(200);
    expect(rapport.body.oppositions).toEqual([
      expect.objectContaining({
        operation: 'enregistrerOpposition',
        finalite: RESTAURATION,
        finalite_libelle: 'Gestion de la restauration scolaire',
        client_id: 'demo-operateur',
      }),
      expect.objectContaining({ operation: 'leverOpposition', resultat: 'opposition_levee' }),
    ]);
    // Recording a right is not a disclosure: the ministry does not become a recipient of the pupil's data.
    expect(rapport.body.communications.map((c: { api: string }) => c.api)).not.toContain('droits-personnes');
    expect(rapport.body.destinataires.map((d: { siret: string }) => d.siret)).not.toContain(siretDe('demo-operateur'));
  });

  it('refuse une finalité fondée sur une obligation légale (6.1.c) ou sur le consentement (6.1.a) : 422 opposition_non_applicable', async () => {
    const eleve = eleves[2];
    for (const [finalite, base] of [
      ['obligation_scolaire', '6.1.c'],
      ['bourse_merite_regionale', '6.1.a'],
    ]) {
      const rep = await dpo('/dpo/oppositions').post({ id_interne: eleve.id, finalite, origine: 'courrier' });
      expect(rep.status).toBe(422);
      expect(rep.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(rep.body).toMatchObject({ type: '/problemes#opposition_non_applicable', code: 'opposition_non_applicable', finalite, base_rgpd: base });
      expect(rep.body.detail).toContain(base);
    }
    expect(await t.db('oppositions').where({ personne_id: eleve.id })).toEqual([]);
  });

  it('refuse un élève inconnu, désigné deux fois, une finalité inconnue, une date passée, un client sans le scope dpo', async () => {
    const eleve = eleves[2];
    const corps = { finalite: RESTAURATION, origine: 'courrier' };
    expect((await dpo('/dpo/oppositions').post({ ...corps, ine: '000000000ZZ' })).body).toMatchObject({ status: 404, code: 'ressource_introuvable' });
    expect((await dpo('/dpo/oppositions').post({ ...corps, ine: eleve.ine, id_interne: eleve.id })).body).toMatchObject({
      status: 422,
      code: 'entite_non_traitable',
    });
    expect((await dpo('/dpo/oppositions').post(corps)).status).toBe(422);
    const inconnue = await dpo('/dpo/oppositions').post({ ...corps, id_interne: eleve.id, finalite: 'cantine' });
    expect(inconnue.body).toMatchObject({ status: 400, code: 'requete_invalide', erreurs: [{ champ: 'finalite' }] });
    const passee = await dpo('/dpo/oppositions').post({ ...corps, id_interne: eleve.id, date_debut: ajouterJours(aujourdhui(), -1) });
    expect(passee.body).toMatchObject({ status: 422, code: 'entite_non_traitable' });
    expect((await dpo('/dpo/oppositions').post({ ...corps, id_interne: eleve.id, origine: 'x'.repeat(129) })).status).toBe(400);
    const editeur = await request(t.app)
      .post('/dpo/oppositions')
      .set('Authorization', `Bearer ${jetonEditeur}`)
      .send({ ...corps, id_interne: eleve.id });
    expect(editeur.status).toBe(403);
    const admin = await request(t.app)
      .get('/dpo/oppositions')
      .set('Authorization', `Bearer ${await t.jeton('demo-operateur', 'admin')}`);
    expect(admin.status).toBe(403);
    expect(await t.db('oppositions').where({ personne_id: eleve.id })).toEqual([]);
  });

  it('liste les oppositions par élève, finalité et état, page par page', async () => {
    const [a, b] = [eleves[3], eleves[4]];
    await dpo('/dpo/oppositions').post({ id_interne: a.id, finalite: RESTAURATION, origine: 'courrier A' });
    await dpo('/dpo/oppositions').post({ id_interne: b.id, finalite: RESTAURATION, origine: 'courrier B' });
    await dpo('/dpo/oppositions/levees').post({ id_interne: a.id, finalite: RESTAURATION });

    const deA = await dpo(`/dpo/oppositions?ine=${a.ine}`).get();
    expect(deA.status).toBe(200);
    expect(deA.headers['cache-control']).toBe('no-store');
    expect(deA.body.oppositions).toEqual([
      expect.objectContaining({ id_interne: a.id, origine: 'courrier A', en_cours: false, date_fin: ajouterJours(aujourdhui(), -1) }),
    ]);
    const enCours = await dpo(`/dpo/oppositions?finalite=${RESTAURATION}&enCours=true`).get();
    expect(enCours.body.oppositions.map((o: { id_interne: string }) => o.id_interne)).toContain(b.id);
    expect(enCours.body.oppositions.map((o: { id_interne: string }) => o.id_interne)).not.toContain(a.id);

    // Most recent first, following Link from page to page.
    const vues: number[] = [];
    let suivante: string | undefined = '/dpo/oppositions?limit=1';
    while (suivante) {
      const page = await dpo(suivante).get();
      expect(page.body.oppositions).toHaveLength(1);
      vues.push(page.body.oppositions[0].id);
      suivante = /<([^>]+)>; rel="next"/.exec(page.headers.link ?? '')?.[1];
    }
    const toutes = (await t.db('oppositions').orderBy('id', 'desc').pluck('id')).map(Number);
    expect(vues).toEqual(toutes);
    expect((await dpo('/dpo/oppositions?curseur=abc').get()).body).toMatchObject({ status: 400, code: 'requete_invalide' });
  });
});

describe('ligne de commande', () => {
  /** Runs `npm run cli -- …` in-process on the test database; returns its exit code and output. */
  async function commande(...args: string[]): Promise<{ code: number; sortie: string; erreurs: string }> {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const erreur = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const code = await cli(args, { ...process.env, DATABASE_URL: t.config.databaseUrl, NODE_ENV: 'test' });
      return { code, sortie: log.mock.calls.map((c) => c.join(' ')).join('\n'), erreurs: erreur.mock.calls.map((c) => c.join(' ')).join('\n') };
    } finally {
      log.mockRestore();
      erreur.mockRestore();
    }
  }

  it('opposition:enregistrer, oppositions et opposition:lever agissent sur le même registre, journalisés', async () => {
    const eleve = eleves[2];
    const enregistree = await commande('opposition:enregistrer', '--ine', eleve.ine, '--finalite', RESTAURATION, '--origine', 'courrier au DPO');
    expect(enregistree).toMatchObject({ code: 0, erreurs: '' });
    expect(JSON.parse(enregistree.sortie)).toMatchObject({ id_interne: eleve.id, finalite: RESTAURATION, date_debut: aujourdhui(), en_cours: true });
    // The catering software no longer receives the pupil.
    expect((await toutesLesPages(t, jetonEditeur, `${CHEMIN_RENNES}?limit=1000`)).enfants.has(idCantine(eleve.id))).toBe(false);

    const liste = await commande('oppositions', '--id-interne', eleve.id, '--en-cours');
    expect(JSON.parse(liste.sortie)).toEqual([expect.objectContaining({ id_interne: eleve.id, origine: 'courrier au DPO' })]);

    const levee = await commande('opposition:lever', '--id-interne', eleve.id, '--finalite', RESTAURATION);
    expect(levee).toMatchObject({ code: 0 });
    expect(JSON.parse(levee.sortie)).toEqual({ oppositions_levees: 1 });
    expect(JSON.parse((await commande('oppositions', '--id-interne', eleve.id, '--en-cours')).sortie)).toEqual([]);
    expect((await toutesLesPages(t, jetonEditeur, `${CHEMIN_RENNES}?limit=1000`)).enfants.has(idCantine(eleve.id))).toBe(true);

    const journal = await t.db('journal').where({ api: 'droits-personnes' }).where('client_id', 'like', 'cli:%').orderBy('sequence');
    expect(journal.map((e) => e.operation)).toEqual(['enregistrerOpposition', 'leverOpposition']);
    expect(journal.every((e) => e.siret === '-' && JSON.parse(e.personnes)[0] === hacherPersonne(t.config.cles.journal, eleve.id))).toBe(true);
  });

  it('refuse une finalité 6.1.c avec son code, et documente les commandes dans --aide', async () => {
    const refus = await commande('opposition:enregistrer', '--id-interne', eleves[2].id, '--finalite', 'obligation_scolaire', '--origine', 'courrier');
    expect(refus.code).toBe(1);
    expect(refus.erreurs).toMatch(/^Refusé \(opposition_non_applicable\) : .*6\.1\.c/);
    const aide = await commande('--aide');
    expect(aide.code).toBe(0);
    for (const c of ['opposition:enregistrer', 'opposition:lever', 'oppositions ']) expect(aide.sortie).toContain(c);
    expect((await commande('inconnue')).code).toBe(2);
  });
});
