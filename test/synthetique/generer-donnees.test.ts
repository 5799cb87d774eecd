import { FICHIER_ANNUAIRE_DEMO } from '../../src/import/annuaire';
import { type Db, isPostgres, readJson } from '../../src/db/knex';
import { accueilDuNiveau, TYPES_PAR_ACCUEIL } from '../../src/synthetique/carte-scolaire';
import { genererDonnees, type OptionsGeneration } from '../../src/synthetique/generer-donnees';
import { responsablesDeLaVersion } from '../../src/apis/mairie/adresses';
import { CHAMPS_LISTE, COLONNES, type VersionLigne } from '../../src/db/tables-eleves';
import { ouvrirBase } from '../support/base';

const COMMUNES = ['35238', '35288', '35016'];
const OPTIONS: OptionsGeneration = { communes: COMMUNES, seed: 42, echelle: 0.02, aujourdhui: '2026-11-28', annuaire: FICHIER_ANNUAIRE_DEMO };

let db: Db;
let fermer: () => Promise<void>;

beforeAll(async () => {
  ({ db, fermer } = await ouvrirBase());
});

afterAll(async () => {
  await fermer();
});

/** Every generated row, in a stable order, without the ids the database assigns. */
async function contenu(): Promise<string> {
  const tables = {
    eleves: await db('eleves').orderBy('id'),
    responsables: await db('responsables').orderBy(['foyer_id', 'rang']),
    scolarites: await db('scolarites').orderBy(['eleve_id', 'annee_scolaire']),
    obligation_versions: await db('obligation_versions').select(COLONNES.obligation_versions).orderBy(['code_commune', 'eleve_id', 'valide_du']),
    obligation_publications: await db('obligation_publications')
      .select(COLONNES.obligation_publications.filter((c) => c !== 'generation_id'))
      .orderBy(['code_commune', 'date_publication']),
    liste_versions: await db('liste_versions').select(COLONNES.liste_versions).orderBy(['liste', 'cle', 'eleve_id', 'valide_du']),
    liste_publications: await db('liste_publications')
      .select(COLONNES.liste_publications.filter((c) => c !== 'generation_id'))
      .orderBy(['liste', 'cle', 'date_publication']),
  };
  return JSON.stringify(tables);
}

/** The mairie list of a commune as of a 1st of month: the query API mairie runs. */
async function liste(commune: string, date: string): Promise<Map<string, VersionLigne>> {
  const lignes: VersionLigne[] = await db('obligation_versions')
    .where({ code_commune: commune })
    .andWhere('valide_du', '<=', date)
    .andWhere((q) => q.whereNull('valide_jusqu_au').orWhere('valide_jusqu_au', '>', date))
    .orderBy('eleve_id');
  return new Map(lignes.map((l) => [l.eleve_id, l]));
}

/** Only the list's content, not the version bookkeeping. */
function fiche(v: VersionLigne): Record<string, unknown> {
  return Object.fromEntries(CHAMPS_LISTE.map(([colonne]) => [colonne, v[colonne]]));
}

describe('genererDonnees', () => {
  let premier: string;

  it('importe l’annuaire si besoin, écrit les tables et enregistre la génération', async () => {
    const journal: string[] = [];
    const bilan = await genererDonnees(db, { ...OPTIONS, journal: (m) => journal.push(m) });
    expect(bilan.communes).toBe(3);
    expect(Number((await db('etablissements').count({ n: '*' }))[0].n)).toBeGreaterThan(900);
    for (const [table, attendu] of [
      ['eleves', bilan.eleves],
      ['responsables', bilan.responsables],
      ['scolarites', bilan.scolarites],
      ['obligation_versions', bilan.versions],
      ['obligation_publications', bilan.publications],
      ['liste_versions', bilan.versionsListes],
      ['liste_publications', bilan.publicationsListes],
    ] as const) {
      expect(Number((await db(table).count({ n: '*' }))[0].n)).toBe(attendu);
    }
    expect(bilan.eleves).toBeGreaterThan(500);
    expect(bilan.versionsListes).toBeGreaterThan(0);
    const generation = await db('generations').where({ id: bilan.generationId }).first();
    expect(generation).toMatchObject({ graine: 42, aujourdhui: '2026-11-28', annee_scolaire: '2026-2027', nombre_eleves: bilan.eleves });
    expect(readJson<string[]>(generation.dates_publication)).toEqual(['2026-06-01', '2026-09-01', '2026-10-01', '2026-11-01']);
    expect(generation.termine_le).toBeTruthy();
    if (!isPostgres(db)) expect(await db.raw('PRAGMA foreign_key_check')).toEqual([]);
    // Progress messages carry counts, never a name.
    const noms = (await db('eleves').select('nom').limit(50)).map((e: { nom: string }) => e.nom);
    expect(journal.some((m) => noms.some((nom) => m.includes(nom)))).toBe(false);
    premier = await contenu();
  });

  it('remplace la génération précédente, à l’identique pour la même graine et autrement pour une autre', async () => {
    await genererDonnees(db, OPTIONS);
    expect(await contenu()).toBe(premier);
    await genererDonnees(db, { ...OPTIONS, seed: 7 });
    expect(await contenu()).not.toBe(premier);
    await genererDonnees(db, OPTIONS);
  });

  it('laisse la génération précédente intacte quand une génération échoue en cours de route', async () => {
    // The first progress report comes after the first commune is written.
    const interrompre = (message: string) => {
      if (message.includes('élèves')) throw new Error('interruption');
    };
    await expect(genererDonnees(db, { ...OPTIONS, seed: 9, journal: interrompre })).rejects.toThrow('interruption');
    expect(await contenu()).toBe(premier);
    // The connection is usable again, with its references checked.
    if (!isPostgres(db)) expect((await db.raw('PRAGMA foreign_keys'))[0].foreign_keys).toBe(1);
  });

  it('n’inscrit chaque élève que dans un établissement de l’annuaire qui enseigne son niveau', async () => {
    const lignes = await db('scolarites as s')
      .leftJoin('etablissements as e', 'e.uai', 's.uai')
      .whereNotNull('s.uai')
      .select('s.uai', 's.niveau_code', 's.mode_instruction', 'e.type', 'e.statut', 'e.etat');
    expect(lignes.length).toBeGreaterThan(500);
    const anomalies = lignes.filter(
      (l: { type: string | null; etat: string; mode_instruction: string; niveau_code: string }) =>
        !l.type ||
        !['OUVERT', 'A FERMER'].includes(l.etat) ||
        (l.mode_instruction === 'etablissement_specialise' ? l.type !== 'medico_social' : !TYPES_PAR_ACCUEIL[accueilDuNiveau(l.niveau_code)].includes(l.type)),
    );
    expect(anomalies).toEqual([]);
  });

  it('reproduit la liste de chaque mois en appliquant à celle du mois précédent les changements publiés entre les deux', async () => {
    const dates = readJson<string[]>((await db('generations').orderBy('id', 'desc').first()).dates_publication);
    let retraits = 0;
    let modifications = 0;
    for (const commune of COMMUNES) {
      const publications = await db('obligation_publications').where({ code_commune: commune }).orderBy('date_publication');
      expect(publications.map((p: { date_publication: string }) => p.date_publication)).toEqual(dates);
      expect(publications.map((p: { numero: number }) => p.numero)).toEqual(dates.map((_, i) => i + 1));
      let precedente = new Map<string, VersionLigne>();
      for (const [i, date] of dates.entries()) {
        const attendue = await liste(commune, date);
        const debut = i === 0 ? '0000-00-00' : dates[i - 1];
        const nouvelles: VersionLigne[] = await db('obligation_versions')
          .where({ code_commune: commune })
          .andWhere('valide_du', '>', debut)
          .andWhere('valide_du', '<=', date);
        const supprimees: VersionLigne[] = await db('obligation_versions')
          .where({ code_commune: commune })
          .whereNotNull('motif_fin')
          .andWhere('valide_jusqu_au', '>', debut)
          .andWhere('valide_jusqu_au', '<=', date);
        const appliquee = new Map(precedente);
        for (const s of supprimees) {
          expect(['demenagement', 'fin_obligation', 'correction']).toContain(s.motif_fin);
          appliquee.delete(s.eleve_id);
        }
        for (const n of nouvelles) {
          const avant = appliquee.get(n.eleve_id);
          if (avant) {
            // A modification names exactly the fields that changed.
            const changes = CHAMPS_LISTE.filter(([c]) => avant[c] !== n[c]).map(([, champ]) => champ);
            expect(readJson<string[]>(n.champs_modifies)).toEqual([...new Set(changes)]);
          } else {
            expect(n.champs_modifies).toBeNull();
          }
          appliquee.set(n.eleve_id, n);
        }
        expect([...appliquee.keys()].sort()).toEqual([...attendue.keys()].sort());
        for (const [id, v] of attendue) expect(fiche(appliquee.get(id)!)).toEqual(fiche(v));
        const publication = publications[i];
        expect(publication.nombre_enfants).toBe(attendue.size);
        expect(publication.nombre_retraits).toBe(supprimees.length);
        expect(publication.nombre_ajouts + publication.nombre_modifications).toBe(nouvelles.length);
        retraits += supprimees.length;
        modifications += publication.nombre_modifications;
        precedente = attendue;
      }
    }
    expect(retraits).toBeGreaterThan(0);
    expect(modifications).toBeGreaterThan(0);
  });

  it('donne à chaque responsable une adresse complète, celle de l’enfant quand il vit avec lui', async () => {
    const versions: VersionLigne[] = await db('obligation_versions').where({ code_commune: '35288' }).whereNull('valide_jusqu_au').limit(200);
    expect(versions.length).toBeGreaterThan(0);
    let avecEnfant = 0;
    for (const v of versions) {
      for (const r of responsablesDeLaVersion(v)) {
        expect(r.adresse.ligne).toBeTruthy();
        expect(r.adresse.code_insee).toMatch(/^\d{5}$|^2[AB]\d{3}$/);
        expect(r.lien.libelle).toBeTruthy();
        if (r.adresse.ligne === v.adresse_ligne && r.adresse.code_insee === '35288') {
          expect(r.adresse.commune).toBe('Saint-Malo');
          avecEnfant++;
        }
      }
    }
    expect(avecEnfant).toBeGreaterThan(versions.length * 0.7);
  });
});
