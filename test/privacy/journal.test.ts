import { createDb, type Db, isPostgres } from '../../src/db/knex';
import {
  divulgationsPersonne,
  type EntreeAJournaliser,
  indexerPersonnes,
  journaliser,
  lotsEcrits,
  purgerJournal,
  reglerLots,
  type ReglageLots,
  rechercherJournal,
  verifierJournal,
} from '../../src/privacy/journal';
import { enregistrerTypeDeListe, type ListeJournalisee } from '../../src/privacy/listes-journalisees';
import { hacherPersonne } from '../../src/privacy/pseudonyme';
import { ouvrirBase } from '../support/base';
import * as horloge from '../../src/horloge';

const CLE = 'cle-journal-de-test';
const RENNES = '21350238800019';
const CAF = '53468966200017';

function entree(champs: Partial<EntreeAJournaliser> = {}): EntreeAJournaliser {
  return {
    requestId: 'req-1',
    clientId: 'client-rennes',
    siret: RENNES,
    api: 'api-mairie',
    operation: 'listeEnfants',
    finalite: 'obligation_scolaire',
    baseLegale: 'Code de l’éducation, R131-3',
    scopes: ['mairie:obligation-scolaire'],
    champs: ['nom', 'prenoms'],
    personnes: [hacherPersonne(CLE, 'eleve-1'), hacherPersonne(CLE, 'eleve-2')],
    contexte: 'Liste mensuelle',
    objet: 'Contrôle obligation instruction',
    resultat: 'succes',
    ...champs,
  };
}

async function remplir(db: Db, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await journaliser(db, entree({ requestId: `req-${i + 1}` }));
}

describe('journal des divulgations', () => {
  let db: Db;
  let url: string;
  let fermer: () => Promise<void>;

  beforeEach(async () => {
    ({ db, url, fermer } = await ouvrirBase());
  });
  afterEach(async () => {
    await fermer();
  });

  it('enregistre une entrée chaînée, avec les personnes hachées et jamais leur identifiant', async () => {
    const premiere = await journaliser(db, entree());
    const seconde = await journaliser(db, entree({ requestId: 'req-2', contexte: undefined, objet: undefined }));
    expect(premiere).toMatchObject({ sequence: 1, siret: RENNES, nombre_personnes: 2, finalite: 'obligation_scolaire' });
    expect(seconde.sequence).toBe(2);
    expect(seconde.hash_precedent).toBe(premiere.hash);
    expect(seconde.contexte).toBeNull();
    const lignes = await db('journal').select();
    expect(lignes).toHaveLength(2);
    expect(JSON.stringify(lignes)).not.toContain('eleve-1');
    expect(await verifierJournal(db)).toEqual({ ok: true, entrees: 2 });
  });

  it('refuse des identifiants en clair à la place des hachages, sans rien écrire', async () => {
    await expect(journaliser(db, entree({ personnes: ['eleve-1'] }))).rejects.toThrow(TypeError);
    await expect(journaliser(db, entree({ siret: '' }))).rejects.toThrow(TypeError);
    expect(Number((await db('journal').count({ n: '*' }).first())?.n)).toBe(0);
  });

  it('garde une chaîne unique et valide sous 200 ajouts concurrents', async () => {
    const entrees = await Promise.all(Array.from({ length: 200 }, (_, i) => journaliser(db, entree({ requestId: `req-${i}` }))));
    expect(entrees.map((e) => e.sequence).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(new Set(entrees.map((e) => e.request_id)).size).toBe(200);
    // Group commit: concurrent appends share transactions (and their timestamp); how many depends on scheduling.
    expect(new Set(entrees.map((e) => e.horodatage)).size).toBeLessThan(200);
    expect(await verifierJournal(db)).toEqual({ ok: true, entrees: 200 });
  });

  it('garde une seule chaîne quand deux processus (deux pools de connexions) écrivent ensemble', async () => {
    const autreProcessus = createDb(url);
    try {
      await Promise.all(
        [db, autreProcessus].flatMap((base, p) => Array.from({ length: 100 }, (_, i) => journaliser(base, entree({ requestId: `p${p}-${i}` })))),
      );
    } finally {
      await autreProcessus.destroy();
    }
    expect(await verifierJournal(db)).toEqual({ ok: true, entrees: 200 });
  });

  it("n'écrit rien d'un lot que la base refuse en cours de transaction, et la chaîne reprend après lui", async () => {
    const premiere = await journaliser(db, entree());
    // The chained rows are inserted before the head: refusing the head fails the transaction after them.
    if (isPostgres(db)) {
      await db.raw(`CREATE FUNCTION refuser_tete() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'tete refusee'; END $$ LANGUAGE plpgsql`);
      await db.raw('CREATE TRIGGER refus_tete BEFORE INSERT OR UPDATE ON journal_tete FOR EACH ROW EXECUTE FUNCTION refuser_tete()');
    } else {
      await db.raw(`CREATE TRIGGER refus_tete_ajout BEFORE INSERT ON journal_tete BEGIN SELECT RAISE(ABORT, 'tete refusee'); END`);
      await db.raw(`CREATE TRIGGER refus_tete_maj BEFORE UPDATE ON journal_tete BEGIN SELECT RAISE(ABORT, 'tete refusee'); END`);
    }
    const refusees = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => journaliser(db, entree({ requestId: `refus-${i}` }))));
    expect(refusees.map((r) => r.status)).toEqual(Array(20).fill('rejected'));
    expect(await db('journal').pluck('request_id')).toEqual(['req-1']);

    await db.raw(isPostgres(db) ? 'DROP TRIGGER refus_tete ON journal_tete' : 'DROP TRIGGER refus_tete_ajout');
    if (!isPostgres(db)) await db.raw('DROP TRIGGER refus_tete_maj');
    const suivante = await journaliser(db, entree({ requestId: 'req-2' }));
    expect(suivante).toMatchObject({ sequence: 2, hash_precedent: premiere.hash });
    expect(await verifierJournal(db)).toEqual({ ok: true, entrees: 2 });
  });

  it('écrit dans une seule transaction les entrées des requêtes traitées dans un même tour de boucle', async () => {
    await journaliser(db, entree());
    const avant = lotsEcrits(db);
    // Each append from its own callback of one turn, as requests arriving together are handled.
    const entrees = await Promise.all(
      Array.from({ length: 10 }, (_, i) => new Promise((r) => setImmediate(r)).then(() => journaliser(db, entree({ requestId: `tour-${i}` })))),
    );
    expect(lotsEcrits(db) - avant).toBe(1);
    expect(entrees.map((e) => e.sequence)).toEqual(Array.from({ length: 10 }, (_, i) => i + 2));
  });

  it.each<Partial<ReglageLots>>([{ taille: 7 }, { depart: 'aussitot', enVol: 2 }, { depart: 2, enVol: 3, taille: 5 }])(
    'garde une seule chaîne valide à deux processus avec le réglage %j',
    async (reglage) => {
      const autreProcessus = createDb(url);
      try {
        reglerLots(db, reglage);
        reglerLots(autreProcessus, reglage);
        const entrees = await Promise.all(
          [db, autreProcessus].flatMap((base, p) => Array.from({ length: 60 }, (_, i) => journaliser(base, entree({ requestId: `p${p}-${i}` })))),
        );
        expect(entrees.map((e) => e.sequence).sort((a, b) => a - b)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
        if (reglage.taille) expect(lotsEcrits(db)).toBeGreaterThanOrEqual(60 / reglage.taille);
      } finally {
        await autreProcessus.destroy();
      }
      expect(await verifierJournal(db)).toEqual({ ok: true, entrees: 120 });
    },
  );

  it('localise une entrée modifiée directement en SQL', async () => {
    await remplir(db, 10);
    await db('journal').where('sequence', 7).update({ finalite: 'restauration_scolaire' });
    expect(await verifierJournal(db)).toEqual({ ok: false, sequence: 7, raison: 'altere' });
  });

  it('signale une entrée supprimée, au milieu comme en fin de journal', async () => {
    await remplir(db, 10);
    await db('journal').where('sequence', 10).delete();
    expect(await verifierJournal(db)).toEqual({ ok: false, sequence: 10, raison: 'manquant' });
    await db('journal').where('sequence', 4).delete();
    expect(await verifierJournal(db)).toEqual({ ok: false, sequence: 4, raison: 'manquant' });
  });

  it('signale deux entrées interverties', async () => {
    await remplir(db, 8);
    await db('journal').where('sequence', 5).update({ sequence: -5 });
    await db('journal').where('sequence', 6).update({ sequence: 5 });
    await db('journal').where('sequence', -5).update({ sequence: 6 });
    expect(await verifierJournal(db)).toEqual({ ok: false, sequence: 5, raison: 'ordre' });
  });

  it("signale une entrée réécrite avec un hachage recalculé, par le lien de l'entrée suivante", async () => {
    await remplir(db, 6);
    // A forger copies entry 2's fields and hash onto entry 3: entry 3 looks self-consistent.
    const deux = await db('journal').where('sequence', 2).first();
    await db('journal')
      .where('sequence', 3)
      .update({ ...deux, sequence: 3 });
    const resultat = await verifierJournal(db);
    expect(resultat.ok).toBe(false);
    expect(resultat).toMatchObject({ sequence: 3 });
  });

  it('reste vérifiable après une purge, et la chaîne continue après elle', async () => {
    await remplir(db, 20);
    await indexerPersonnes(db);
    const indexees = async () => Number((await db('journal_personnes').where('sequence', '<=', 8).count({ n: '*' }).first())?.n);
    expect(await indexees()).toBe(16);
    // Back-date the 8 oldest entries (their own hashes break, but they are the ones purged).
    await db('journal').where('sequence', '<=', 8).update({ horodatage: '2020-01-01T00:00:00.000Z' });
    const { supprimees, ancre } = await purgerJournal(db, '2021-01-01');
    expect(supprimees).toBe(8);
    expect(ancre?.sequence).toBe(8);
    expect(await indexees()).toBe(0);
    expect(await verifierJournal(db)).toEqual({ ok: true, entrees: 12 });
    await remplir(db, 3);
    expect(await verifierJournal(db)).toEqual({ ok: true, entrees: 15 });

    expect((await purgerJournal(db, '2999-01-01')).supprimees).toBe(15);
    expect(await verifierJournal(db)).toEqual({ ok: true, entrees: 0 });
    expect((await journaliser(db, entree())).sequence).toBe(24);
    expect(await verifierJournal(db)).toEqual({ ok: true, entrees: 1 });
  });

  it('liste pour une personne exactement les divulgations la concernant', async () => {
    const attendues: number[] = [];
    for (let i = 0; i < 12; i++) {
      const ids = i % 3 === 0 ? ['eleve-cible', `eleve-${i}`] : [`eleve-${i}`];
      const e = await journaliser(db, entree({ personnes: ids.map((id) => hacherPersonne(CLE, id)), siret: i % 2 ? CAF : RENNES }));
      if (ids.includes('eleve-cible')) attendues.push(e.sequence);
    }
    const rapport = (await divulgationsPersonne(db, CLE, 'eleve-cible')).communications;
    expect(rapport.map((e) => e.sequence)).toEqual(attendues);
    expect(rapport[0]).toMatchObject({ siret: RENNES, finalite: 'obligation_scolaire', champs: ['nom', 'prenoms'] });
    expect(rapport[0]).not.toHaveProperty('personnes');
    expect(await divulgationsPersonne(db, 'une-autre-cle', 'eleve-cible')).toEqual({ communications: [], nonVerifiables: [] });
    expect(await divulgationsPersonne(db, CLE, 'eleve-cible', { au: '2000-12-31' })).toEqual({ communications: [], nonVerifiables: [] });
  });

  it('recherche par destinataire, API et période, page par page sans doublon ni oubli', async () => {
    for (let i = 0; i < 25; i++) {
      await journaliser(db, entree({ siret: i % 2 ? CAF : RENNES, api: i % 5 ? 'api-mairie' : 'api-scolarite' }));
    }
    const vues: number[] = [];
    let curseur: string | undefined;
    do {
      const page = await rechercherJournal(db, { siret: RENNES, api: 'api-mairie', limit: 4, curseur });
      vues.push(...page.entrees.map((e) => e.sequence));
      page.entrees.forEach((e) => expect(e).toMatchObject({ siret: RENNES, api: 'api-mairie' }));
      curseur = page.curseur_suivant ?? undefined;
    } while (curseur);
    const attendues = Array.from({ length: 25 }, (_, i) => i)
      .filter((i) => i % 2 === 0 && i % 5 !== 0)
      .map((i) => i + 1)
      .reverse();
    expect(vues).toEqual(attendues);
    const aujourdhui = horloge.aujourdhui();
    expect((await rechercherJournal(db, { du: aujourdhui, au: aujourdhui, limit: 100 })).entrees).toHaveLength(25);
    expect((await rechercherJournal(db, { au: '2001-01-01', limit: 100 })).entrees).toHaveLength(0);
  });

  it("rejette l'ajout quand la base est indisponible : la réponse ne doit pas partir", async () => {
    const { db: autre, url: urlAutre, fermer: fermerAutre } = await ouvrirBase();
    try {
      await autre.destroy();
      await expect(journaliser(autre, entree())).rejects.toThrow();
      const rouverte = createDb(urlAutre);
      try {
        expect(await verifierJournal(rouverte)).toEqual({ ok: true, entrees: 0 });
      } finally {
        await rouverte.destroy();
      }
    } finally {
      await fermerAutre();
    }
  });

  describe('index des personnes (rapport RGPD art. 15)', () => {
    const personnes = (prefixe: string, n: number) => Array.from({ length: n }, (_, i) => hacherPersonne(CLE, `${prefixe}-${i}`));
    const lignesIndex = async () =>
      (await db('journal_personnes').select('personne_hash', 'sequence')).map((l) => `${l.personne_hash}@${Number(l.sequence)}`).sort();
    const attendues = (entrees: Array<{ sequence: number; personnes: string[] }>) =>
      entrees.flatMap((e) => e.personnes.map((p) => `${p}@${e.sequence}`)).sort();

    it("trouve une personne d'une liste entière dès l'écriture, l'index étant complété par le rapport", async () => {
      const liste = await journaliser(db, entree({ personnes: personnes('liste', 12_000) }));
      const unitaire = await journaliser(db, entree({ requestId: 'req-2', personnes: [hacherPersonne(CLE, 'eleve-seul')] }));
      const rapport = (await divulgationsPersonne(db, CLE, 'liste-11999')).communications;
      expect(rapport.map((e) => e.sequence)).toEqual([liste.sequence]);
      expect((await divulgationsPersonne(db, CLE, 'eleve-seul')).communications.map((e) => e.sequence)).toEqual([unitaire.sequence]);
      expect(await lignesIndex()).toEqual(attendues([liste, unitaire]));
    });

    it("s'indexe de lui-même peu après l'écriture, sans que personne ne le demande", async () => {
      const entree1 = await journaliser(db, entree({ personnes: personnes('seule', 3) }));
      let lignes: string[] = [];
      for (let essai = 0; essai < 50 && lignes.length < 3; essai++) {
        await new Promise((r) => setTimeout(r, 100));
        lignes = await lignesIndex();
      }
      expect(lignes).toEqual(attendues([entree1]));
    });

    it('reprend une indexation interrompue au milieu d’une entrée sans rien indexer deux fois', async () => {
      const grande = await journaliser(db, entree({ personnes: personnes('grande', 7_000) }));
      const suivante = await journaliser(db, entree({ requestId: 'req-2', personnes: personnes('suivante', 3) }));
      await indexerPersonnes(db);
      // A crash after the first slice: its rows are in, the watermark still says "1 200 persons of entry 1".
      await db('journal_personnes').where('sequence', suivante.sequence).delete();
      await db('journal_index')
        .where('id', 1)
        .update({ sequence: grande.sequence - 1, position: 1_200 });
      await indexerPersonnes(db);
      expect(await lignesIndex()).toEqual(attendues([grande, suivante]));
    });

    it("repart du début de l'entrée suivante quand une purge a emporté l'entrée en cours d'indexation", async () => {
      const ancienne = await journaliser(db, entree({ personnes: personnes('ancienne', 10) }));
      await db('journal').where('sequence', ancienne.sequence).update({ horodatage: '2020-01-01T00:00:00.000Z' });
      await db('journal_index')
        .where('id', 1)
        .update({ sequence: ancienne.sequence - 1, position: 4 });
      await purgerJournal(db, '2021-01-01');
      const recente = await journaliser(db, entree({ personnes: personnes('recente', 10) }));
      await indexerPersonnes(db);
      expect(await lignesIndex()).toEqual(attendues([recente]));
    });
  });
  describe('entrée de liste : la liste nommée, pas ses personnes', () => {
    // A list kind of this test only: lists keyed 'A' and 'B', each holding the ids it names, in generation 7.
    const contenus: Record<string, string[]> = { A: ['eleve-a1', 'eleve-a2', 'eleve-commun'], B: ['eleve-b1', 'eleve-commun'] };
    let generations = [7];
    enregistrerTypeDeListe('liste_de_test', {
      generationsDisponibles: async () => generations,
      clesDe: async (_db, id) => Object.keys(contenus).filter((k) => contenus[k].includes(id)),
      figuraitSur: async (_db, id, listes) => listes.map((l) => (l.perimetre === 'disparu' ? null : contenus[l.cle].includes(id))),
    });
    const liste = (cle: string, exclues: string[] = []): ListeJournalisee => ({
      type: 'liste_de_test',
      cle,
      date_reference: '2026-11-01',
      generation: 7,
      perimetre: 'tout',
      exclues: exclues.map((id) => hacherPersonne(CLE, id)),
    });
    const deListe = (cle: string, nombre: number, exclues: string[] = []) => entree({ personnes: [], liste: liste(cle, exclues), nombrePersonnes: nombre });
    const sequences = async (id: string) => {
      const r = await divulgationsPersonne(db, CLE, id);
      return { communications: r.communications.map((e) => e.sequence), nonVerifiables: r.nonVerifiables.map((e) => e.sequence) };
    };

    afterEach(() => {
      generations = [7];
    });

    it('garde une taille constante, chaîne la liste avec l’entrée et ne nourrit pas l’index des personnes', async () => {
      const unitaire = await journaliser(db, entree());
      const a = await journaliser(db, deListe('A', 30_000, ['eleve-a2']));
      expect(a).toMatchObject({ nombre_personnes: 30_000, personnes: [], liste: liste('A', ['eleve-a2']) });
      const ligne = await db('journal').where('sequence', a.sequence).first();
      expect(JSON.parse(ligne.personnes)).toEqual([]);
      expect(JSON.stringify(ligne).length).toBeLessThan(1500);
      expect(ligne.liste).not.toContain('eleve-a2');
      const lignesListes = await db('journal_listes').select('sequence', 'type', 'cle', 'date_reference', 'generation', 'perimetre');
      expect(lignesListes.map((l) => ({ ...l, sequence: Number(l.sequence), generation: Number(l.generation) }))).toEqual([
        { sequence: a.sequence, type: 'liste_de_test', cle: 'A', date_reference: '2026-11-01', generation: 7, perimetre: 'tout' },
      ]);
      await indexerPersonnes(db);
      expect(Number((await db('journal_personnes').count({ n: '*' }).first())?.n)).toBe(2);
      expect(await verifierJournal(db)).toEqual({ ok: true, entrees: 2 });
      // The list is hashed: naming another list, or dropping an exclusion, breaks the chain at that entry.
      await db('journal')
        .where('sequence', a.sequence)
        .update({ liste: ligne.liste.replace('"cle":"A"', '"cle":"B"') });
      expect(await verifierJournal(db)).toEqual({ ok: false, sequence: a.sequence, raison: 'altere' });
      await db('journal').where('sequence', a.sequence).update({ liste: null });
      expect(await verifierJournal(db)).toEqual({ ok: false, sequence: a.sequence, raison: 'altere' });
      await db('journal').where('sequence', a.sequence).update({ liste: ligne.liste });
      // An entry naming persons hashes exactly as before lists existed.
      await db('journal').where('sequence', unitaire.sequence).update({ liste: '{}' });
      expect(await verifierJournal(db)).toEqual({ ok: false, sequence: unitaire.sequence, raison: 'altere' });
    });

    it('refuse une entrée de liste qui nommerait ses personnes ou des identifiants en clair', async () => {
      await expect(journaliser(db, entree({ liste: liste('A'), nombrePersonnes: 3 }))).rejects.toThrow(TypeError);
      await expect(journaliser(db, deListe('A', -1))).rejects.toThrow(TypeError);
      await expect(journaliser(db, entree({ personnes: [], liste: { ...liste('A'), exclues: ['eleve-a2'] }, nombrePersonnes: 3 }))).rejects.toThrow(/hachages/);
      await expect(journaliser(db, entree({ personnes: [], liste: { ...liste('A'), date_reference: 'novembre' }, nombrePersonnes: 3 }))).rejects.toThrow(
        TypeError,
      );
      expect(Number((await db('journal').count({ n: '*' }).first())?.n)).toBe(0);
    });

    it('retrouve la personne en rejoignant la liste publiée, sauf si elle en était exclue', async () => {
      const a = await journaliser(db, deListe('A', 3));
      const b = await journaliser(db, deListe('B', 1, ['eleve-commun']));
      const nommee = await journaliser(db, entree({ personnes: [hacherPersonne(CLE, 'eleve-a1')] }));
      expect(await sequences('eleve-a1')).toEqual({ communications: [a.sequence, nommee.sequence], nonVerifiables: [] });
      expect(await sequences('eleve-b1')).toEqual({ communications: [b.sequence], nonVerifiables: [] });
      expect(await sequences('eleve-commun')).toEqual({ communications: [a.sequence], nonVerifiables: [] });
      expect(await sequences('eleve-ailleurs')).toEqual({ communications: [], nonVerifiables: [] });
      const periode = await divulgationsPersonne(db, CLE, 'eleve-a1', { au: '2000-12-31' });
      expect(periode).toEqual({ communications: [], nonVerifiables: [] });
    });

    it('dit « non vérifiable », jamais « aucune communication », pour une liste d’une génération remplacée ou d’une sorte inconnue', async () => {
      const a = await journaliser(db, deListe('A', 3));
      const b = await journaliser(db, deListe('B', 1, ['eleve-commun']));
      const inconnue = await journaliser(db, entree({ personnes: [], liste: { ...liste('A'), type: 'sorte_disparue' }, nombrePersonnes: 2 }));
      const perimetreDisparu = await journaliser(db, entree({ personnes: [], liste: { ...liste('A'), perimetre: 'disparu' }, nombrePersonnes: 2 }));
      // A perimeter the resolver no longer knows: it cannot tell for someone on the list; someone never on it was on none of its parts.
      expect(await sequences('eleve-ailleurs')).toEqual({ communications: [], nonVerifiables: [inconnue.sequence] });
      expect(await sequences('eleve-a1')).toEqual({ communications: [a.sequence], nonVerifiables: [inconnue.sequence, perimetreDisparu.sequence] });
      await db('journal').where('sequence', perimetreDisparu.sequence).delete();
      await db('journal_listes').where('sequence', perimetreDisparu.sequence).delete();
      generations = [8];
      // Whoever asks: the lists may have held the person, unless the entry withheld him.
      expect(await sequences('eleve-ailleurs')).toEqual({ communications: [], nonVerifiables: [a.sequence, b.sequence, inconnue.sequence] });
      expect(await sequences('eleve-commun')).toEqual({ communications: [], nonVerifiables: [a.sequence, inconnue.sequence] });
    });

    it('purge les entrées de liste avec leur table de recherche, la chaîne restant vérifiable', async () => {
      const a = await journaliser(db, deListe('A', 3));
      await db('journal').where('sequence', a.sequence).update({ horodatage: '2020-01-01T00:00:00.000Z' });
      // The row's hash no longer matches its horodatage: purge only cares about the prefix.
      const b = await journaliser(db, deListe('B', 1));
      expect(await purgerJournal(db, '2021-01-01')).toMatchObject({ supprimees: 1 });
      expect((await db('journal_listes').select('sequence')).map((l) => Number(l.sequence))).toEqual([b.sequence]);
      expect(await verifierJournal(db)).toEqual({ ok: true, entrees: 1 });
      expect(await sequences('eleve-a1')).toEqual({ communications: [], nonVerifiables: [] });
    });
  });
});
