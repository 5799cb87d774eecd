import request from 'supertest';
import { parse } from 'csv-parse/sync';
import { readJson } from '../../src/db/knex';
import { CLIENTS_DEMO } from '../../src/demo/demo';
import { GRAINE_DEMO } from '../../src/demarrage';
import { aujourdhui } from '../../src/horloge';
import { purgerJournal } from '../../src/privacy/journal';
import { enregistrerOpposition } from '../../src/privacy/opposition';
import { hacherPersonne, pseudonyme } from '../../src/privacy/pseudonyme';
import { genererDonnees } from '../../src/synthetique/generer-donnees';
import {
  appeler,
  CHEMIN_RENNES,
  compterListe,
  derniereSequenceJournal,
  entreesJournalDepuis,
  listeNdjson,
  RENNES,
  SAINT_MALO,
} from '../apis/mairie/client-mairie';
import { demarrerAppDeTest, PERIMETRE_TEST, type AppDeTest } from '../support/app';

/**
 * A whole mairie list (CSV, NDJSON) is journaled as one entry naming the list, whatever its size;
 * the data-subject report finds a child by joining the published list, through HTTP end to end.
 */

const siretDe = (clientId: string) => CLIENTS_DEMO.find((c) => c.clientId === clientId)!.destinataire.siret;

let t: AppDeTest;
let jetonRennes: string;
let jetonEditeur: string;
let jetonDpo: string;
let dates: string[];
let derniere: string;
let premiere: string;
let generation: number;

/** Independent of the API's code: whether the child is on the commune's list as of `date`, in SQL. */
async function surLaListe(eleveId: string, codeCommune: string, date: string, ecolesPubliques = false): Promise<boolean> {
  const q = t
    .db('obligation_versions as v')
    .where({ 'v.eleve_id': eleveId, 'v.code_commune': codeCommune })
    .andWhere('v.valide_du', '<=', date)
    .andWhere((w) => w.whereNull('v.valide_jusqu_au').orWhere('v.valide_jusqu_au', '>', date));
  if (ecolesPubliques) {
    q.andWhere('v.mode_instruction', 'public').whereExists(
      t.db('etablissements as e').whereRaw('e.uai = v.uai').where({ 'e.code_commune': codeCommune, 'e.statut': 'public', 'e.type': 'ecole' }),
    );
  }
  return Boolean(await q.first('v.eleve_id'));
}

/** Children of Rennes' latest list in or out of the catering perimeter, without opposition to catering. */
async function enfantsDeRennes(dansLePerimetre: boolean, nombre: number): Promise<string[]> {
  const ecoles = t.db('etablissements').where({ code_commune: RENNES, statut: 'public', type: 'ecole' }).select('uai');
  const q = t
    .db('obligation_versions as v')
    .where('v.code_commune', RENNES)
    .andWhere('v.valide_du', '<=', derniere)
    .whereNull('v.valide_jusqu_au')
    .whereNotIn('v.eleve_id', t.db('oppositions').select('personne_id'))
    .orderBy('v.eleve_id')
    .limit(nombre)
    .select('v.eleve_id');
  if (dansLePerimetre) q.andWhere('v.mode_instruction', 'public').whereIn('v.uai', ecoles);
  else q.andWhere((w) => w.whereNot('v.mode_instruction', 'public').orWhereNull('v.uai').orWhereNotIn('v.uai', ecoles));
  return (await q).map((l: { eleve_id: string }) => l.eleve_id);
}

async function rapport(idInterne: string): Promise<request.Response> {
  const rep = await request(t.app).get('/dpo/personnes/divulgations').query({ idInterne }).set('Authorization', `Bearer ${jetonDpo}`);
  expect(rep.status).toBe(200);
  return rep;
}

const sequencesDe = (rep: request.Response) => (rep.body.communications as Array<{ sequence: number }>).map((c) => c.sequence);

async function verification(): Promise<{ ok: boolean; sequence?: number; raison?: string }> {
  const rep = await request(t.app).get('/dpo/journal/verification').set('Authorization', `Bearer ${jetonDpo}`);
  return rep.body;
}

/** The one entry a whole-list request wrote. */
async function seuleEntree(depuis: number): Promise<Record<string, unknown> & { sequence: number }> {
  const entrees = await entreesJournalDepuis(t.db, depuis);
  expect(entrees).toHaveLength(1);
  return { ...entrees[0], sequence: Number(entrees[0].sequence) };
}

beforeAll(async () => {
  t = await demarrerAppDeTest({ LIMITE_REQUETES_PAR_SECONDE: '1000' });
  [jetonRennes, jetonEditeur, jetonDpo] = await Promise.all([
    t.jeton('demo-mairie-rennes'),
    t.jeton('demo-editeur-restauration'),
    t.jeton('demo-operateur', 'dpo'),
  ]);
  dates = (await t.db('obligation_publications').where({ code_commune: RENNES }).orderBy('date_publication').select('date_publication')).map(
    (l: { date_publication: string }) => l.date_publication,
  );
  premiere = dates[0];
  derniere = dates[dates.length - 1];
  generation = Number((await t.db('obligation_publications').first('generation_id')).generation_id);
}, 120_000);
afterAll(() => t.fermer());

describe('une liste entière, une entrée de journal qui nomme la liste', () => {
  let present: string;
  let opposant: string;
  let horsPerimetre: string;
  let ailleurs: string;
  let entreeObligation: number;
  let entreeAncienne: number;
  let entreeRestauration: number;

  beforeAll(async () => {
    [present, opposant] = await enfantsDeRennes(true, 2);
    [horsPerimetre] = await enfantsDeRennes(false, 1);
    const malouin = await t
      .db('obligation_versions')
      .where('code_commune', SAINT_MALO)
      .whereNotIn('eleve_id', t.db('obligation_versions').where('code_commune', RENNES).select('eleve_id'))
      .orderBy('eleve_id')
      .first('eleve_id');
    ailleurs = malouin.eleve_id;
    await enregistrerOpposition(t.db, { personneId: opposant, finaliteCode: 'restauration_scolaire', dateDebut: '2020-01-01', origine: 'test' });
  });

  it('journalise la liste NDJSON en une entrée de taille constante : type, commune, publication, génération, périmètre, aucun hachage de personne', async () => {
    const avant = await derniereSequenceJournal(t.db);
    const { rep, entete, enfants } = await listeNdjson(t, jetonRennes, `${CHEMIN_RENNES}?format=ndjson`);
    expect(rep.status).toBe(200);
    const attendu = await compterListe(t.db, RENNES, derniere);
    expect(enfants).toHaveLength(attendu);
    expect(entete.nombre_total).toBe(attendu);
    const entree = await seuleEntree(avant);
    entreeObligation = entree.sequence;
    expect(entree).toMatchObject({ operation: 'EnfantsSoumisObligation', siret: siretDe('demo-mairie-rennes'), nombre_personnes: attendu });
    expect(readJson<string[]>(entree.personnes)).toEqual([]);
    expect(readJson(entree.liste)).toEqual({
      type: 'enfants_soumis_obligation',
      cle: RENNES,
      date_reference: derniere,
      generation,
      perimetre: 'mairie:obligation-scolaire',
      exclues: [],
    });
    // Constant: the stored row does not grow with the list (Rennes here: hundreds of children).
    expect(attendu).toBeGreaterThan(100);
    expect(JSON.stringify(entree).length).toBeLessThan(2000);
  });

  it('nomme une publication antérieure demandée par dateReference (CSV)', async () => {
    expect(premiere < derniere).toBe(true);
    const avant = await derniereSequenceJournal(t.db);
    const rep = await appeler(t, jetonRennes, `${CHEMIN_RENNES}?format=csv&dateReference=${premiere}`);
    expect(rep.status).toBe(200);
    const lignes: unknown[] = parse(rep.text, { bom: true, delimiter: ';', columns: true });
    const entree = await seuleEntree(avant);
    entreeAncienne = entree.sequence;
    expect(entree.nombre_personnes).toBe(lignes.length);
    expect(readJson<{ date_reference: string }>(entree.liste).date_reference).toBe(premiere);
  });

  it('garde dans l’entrée le hachage des seuls exclus (opposition), jamais leur identifiant, et ne les envoie pas', async () => {
    const avant = await derniereSequenceJournal(t.db);
    const { rep, entete, enfants } = await listeNdjson(t, jetonEditeur, `${CHEMIN_RENNES}?format=ndjson`);
    expect(rep.status).toBe(200);
    const entree = await seuleEntree(avant);
    entreeRestauration = entree.sequence;
    const liste = readJson<{ perimetre: string; exclues: string[] }>(entree.liste);
    expect(liste.perimetre).toBe('mairie:restauration-scolaire');
    expect(liste.exclues).toContain(hacherPersonne(t.config.cles.journal, opposant));
    expect(liste.exclues).toHaveLength(entete.nombre_exclus as number);
    expect(String(entree.liste)).not.toContain(opposant);
    expect(entree.nombre_personnes).toBe(enfants.length);
    expect(entree.nombre_personnes).toBe((await compterListe(t.db, RENNES, derniere, true)) - liste.exclues.length);
    const idOpposant = pseudonyme(t.config.cles.pseudonyme, opposant, siretDe('demo-editeur-restauration'));
    expect(enfants.some((e) => e.id === idOpposant)).toBe(false);
  });

  it('rapport art. 15 : retrouve l’enfant sur chaque liste publiée où il figurait, dans le périmètre, à la date, non exclu', async () => {
    const attendues = async (id: string) => {
      const sur = [
        [entreeObligation, await surLaListe(id, RENNES, derniere)],
        [entreeAncienne, await surLaListe(id, RENNES, premiere)],
        [entreeRestauration, (await surLaListe(id, RENNES, derniere, true)) && id !== opposant],
      ] as const;
      return sur.filter(([, oui]) => oui).map(([s]) => s);
    };
    const pourPresent = await rapport(present);
    expect(sequencesDe(pourPresent)).toEqual(expect.arrayContaining([entreeObligation, entreeRestauration]));
    expect(sequencesDe(pourPresent).filter((s) => s >= entreeObligation)).toEqual(await attendues(present));
    expect(pourPresent.body.listes_non_verifiables).toEqual([]);
    const communication = pourPresent.body.communications.find((c: { sequence: number }) => c.sequence === entreeObligation);
    expect(communication).toMatchObject({
      siret: siretDe('demo-mairie-rennes'),
      destinataire_nom: expect.any(String),
      operation: 'EnfantsSoumisObligation',
      nombre_personnes: await compterListe(t.db, RENNES, derniere),
      liste: {
        type: 'enfants_soumis_obligation',
        cle: RENNES,
        date_reference: derniere,
        generation,
        perimetre: 'mairie:obligation-scolaire',
        nombre_exclus: 0,
      },
    });
    expect(pourPresent.body.destinataires.map((d: { siret: string }) => d.siret)).toEqual(
      expect.arrayContaining([siretDe('demo-mairie-rennes'), siretDe('demo-editeur-restauration')]),
    );

    // Opposed to catering: on the obligation list, withheld from the catering one.
    const pourOpposant = sequencesDe(await rapport(opposant));
    expect(pourOpposant).toContain(entreeObligation);
    expect(pourOpposant).not.toContain(entreeRestauration);
    expect(pourOpposant.filter((s) => s >= entreeObligation)).toEqual(await attendues(opposant));
    // Outside the catering perimeter (another school, private, at home).
    const pourHorsPerimetre = sequencesDe(await rapport(horsPerimetre));
    expect(pourHorsPerimetre).toContain(entreeObligation);
    expect(pourHorsPerimetre).not.toContain(entreeRestauration);
    expect(pourHorsPerimetre.filter((s) => s >= entreeObligation)).toEqual(await attendues(horsPerimetre));
    // Never on Rennes' list: none of them.
    const pourAilleurs = await rapport(ailleurs);
    expect(sequencesDe(pourAilleurs).filter((s) => s >= entreeObligation)).toEqual([]);
    expect(pourAilleurs.body.listes_non_verifiables).toEqual([]);
  });

  it('rapport art. 15 : ne compte pas un enfant arrivé sur la liste après la publication communiquée', async () => {
    const arrive = await t
      .db('obligation_versions')
      .where('code_commune', RENNES)
      .whereNull('valide_jusqu_au')
      .whereNotIn('eleve_id', t.db('obligation_versions').where('code_commune', RENNES).andWhere('valide_du', '<=', premiere).select('eleve_id'))
      .orderBy('eleve_id')
      .first('eleve_id');
    expect(arrive).toBeDefined();
    const sequences = sequencesDe(await rapport(arrive.eleve_id));
    expect(sequences).toContain(entreeObligation);
    expect(sequences).not.toContain(entreeAncienne);
  });

  it('chaîne la liste avec l’entrée : npm run journal:verify voit la liste modifiée', async () => {
    expect(await verification()).toMatchObject({ ok: true });
    const ligne = await t.db('journal').where('sequence', entreeObligation).first('liste');
    await t
      .db('journal')
      .where('sequence', entreeObligation)
      .update({ liste: ligne.liste.replace(`"cle":"${RENNES}"`, `"cle":"${SAINT_MALO}"`) });
    try {
      expect(await verification()).toMatchObject({ ok: false, sequence: entreeObligation, raison: 'altere' });
    } finally {
      await t.db('journal').where('sequence', entreeObligation).update({ liste: ligne.liste });
    }
    expect(await verification()).toMatchObject({ ok: true });
  });

  it('après régénération des données, dit que la liste ne peut plus être rapprochée plutôt que « jamais communiqué »', async () => {
    const avantPresent = await rapport(present);
    await genererDonnees(t.db, { communes: PERIMETRE_TEST.communes, echelle: PERIMETRE_TEST.echelle, seed: GRAINE_DEMO + 1, aujourdhui: aujourdhui() });
    const nouvelle = Number((await t.db('obligation_publications').first('generation_id')).generation_id);
    expect(nouvelle).not.toBe(generation);

    const apres = await rapport(present);
    const listesDAvant = [entreeObligation, entreeAncienne, entreeRestauration];
    expect(sequencesDe(apres).filter((s) => listesDAvant.includes(s))).toEqual([]);
    // Entries naming the person are untouched by a regeneration.
    expect(sequencesDe(apres)).toEqual(sequencesDe(avantPresent).filter((s) => !listesDAvant.includes(s)));
    expect(apres.body.listes_non_verifiables).toEqual([
      {
        type: 'enfants_soumis_obligation',
        cle: RENNES,
        generation,
        dates_reference: [premiere, derniere],
        destinataires: [siretDe('demo-mairie-rennes'), siretDe('demo-editeur-restauration')].sort(),
        nombre_communications: 3,
        premiere_communication: expect.any(String),
        derniere_communication: expect.any(String),
      },
    ]);
    // The catering list withheld the opposed child: that entry did not disclose him, generation or not.
    const pourOpposant = await rapport(opposant);
    expect(pourOpposant.body.listes_non_verifiables).toEqual([expect.objectContaining({ cle: RENNES, nombre_communications: 2 })]);

    // A list of the new generation joins again.
    const [nouveauPresent] = await enfantsDeRennes(true, 1);
    const avant = await derniereSequenceJournal(t.db);
    expect((await appeler(t, jetonRennes, `${CHEMIN_RENNES}?format=csv`)).status).toBe(200);
    const entree = await seuleEntree(avant);
    expect(readJson<{ generation: number }>(entree.liste).generation).toBe(nouvelle);
    expect(sequencesDe(await rapport(nouveauPresent))).toContain(entree.sequence);
    expect(await verification()).toMatchObject({ ok: true });
  }, 120_000);

  it('purge les entrées de liste échues avec leur table de recherche, la chaîne restant intègre', async () => {
    const nombre = Number((await t.db('journal_listes').count({ n: '*' }).first())?.n);
    expect(nombre).toBeGreaterThanOrEqual(4);
    const { supprimees } = await purgerJournal(t.db, '9999-01-01T00:00:00.000Z');
    expect(supprimees).toBeGreaterThanOrEqual(nombre);
    expect(Number((await t.db('journal_listes').count({ n: '*' }).first())?.n)).toBe(0);
    expect(await verification()).toMatchObject({ ok: true });
    const apres = await rapport(present);
    expect(apres.body.communications).toEqual([]);
    expect(apres.body.listes_non_verifiables).toEqual([]);
  });
});
