import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createDb, isPostgres, migrate, type Db } from '../../src/db/knex';
import { FICHIER_ANNUAIRE_DEMO, importerAnnuaire, type RapportImport } from '../../src/import/annuaire';
import { nouvelleBase as nouvelleBaseVide } from '../support/base';

const ouvertes: { db: Db; supprimer: () => Promise<void> }[] = [];

async function nouvelleBase(): Promise<Db> {
  const base = await nouvelleBaseVide();
  const db = createDb(base.url);
  ouvertes.push({ db, supprimer: base.supprimer });
  await migrate(db);
  return db;
}

afterAll(async () => {
  for (const { db, supprimer } of ouvertes) {
    await db.destroy();
    await supprimer();
  }
});

/** PostgreSQL counts as text. */
const compter = async (requete: PromiseLike<unknown>) => Number(((await requete) as { n: number | string }).n);

/** The real file read by a plain split, independently of the importer (it has no quoted field). */
const texteReel = fs.readFileSync(FICHIER_ANNUAIRE_DEMO, 'utf8');
const [entete, ...lignesReelles] = texteReel
  .replace(/^\uFEFF/, '')
  .split('\r\n')
  .filter(Boolean);
const colonnes = entete.split(';');
const champs = (ligne: string) => {
  const valeurs = ligne.split(';');
  return (colonne: string) => valeurs[colonnes.indexOf(colonne)];
};
const LETTRES = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const uaiAttendu = (uai: string) => /^\d{7}[A-Z]$/.test(uai) && LETTRES[Number(uai.slice(0, 7)) % 23] === uai[7];
const uaisValidesDistincts = new Set(lignesReelles.map((l) => l.split(';')[0]).filter(uaiAttendu));

const depuisTexte = (texte: string) => Readable.from([texte]);
const lignesCsv = (lignes: string[], fin = '\r\n') => lignes.join(fin) + fin;
const avecUai = (ligne: string, uai: string) => uai + ligne.slice(ligne.indexOf(';'));
const remplacerChamp = (ligne: string, colonne: string, valeur: string) => {
  const valeurs = ligne.split(';');
  valeurs[colonnes.indexOf(colonne)] = valeur;
  return valeurs.join(';');
};
const sansHorodatage = ({ importe_le: _importe, modifie_le: _modifie, ...reste }: Record<string, unknown>) => reste;

/** One import of the real file shared by these tests, in order: each later test builds on the state the earlier left. */
describe('import of the real Ille-et-Vilaine annuaire', () => {
  let db: Db;
  let premier: RapportImport;
  beforeAll(async () => {
    db = await nouvelleBase();
    premier = await importerAnnuaire(db, FICHIER_ANNUAIRE_DEMO);
  });

  it('imports each distinct valid UAI once and reports every other line with its reason', async () => {
    expect(lignesReelles).toHaveLength(996);
    expect(premier.importes).toBe(uaisValidesDistincts.size);
    expect(premier.mis_a_jour + premier.inchanges).toBe(0);
    expect(premier.importes + premier.rejetes).toBe(lignesReelles.length);
    expect(premier.rejets).toHaveLength(premier.rejetes);
    for (const rejet of premier.rejets) {
      const premiere = Number(/UAI déjà présent ligne (\d+)/.exec(rejet.raison)?.[1]);
      expect(lignesReelles[rejet.ligne - 2].split(';')[0]).toBe(rejet.uai);
      expect(lignesReelles[premiere - 2].split(';')[0]).toBe(rejet.uai);
      expect(premiere).toBeLessThan(rejet.ligne);
    }
    expect(await compter(db('etablissements').count({ n: '*' }).first())).toBe(uaisValidesDistincts.size);
  });

  it('stores each establishment as its first line in the file says', async () => {
    const lignes = new Map(
      await db('etablissements')
        .select()
        .then((rs) => rs.map((r) => [r.uai, r])),
    );
    const vus = new Set<string>();
    const booleen = (v: string) => (v === '' ? null : v === '1');
    for (const ligne of lignesReelles) {
      const c = champs(ligne);
      if (vus.has(c('Identifiant_de_l_etablissement'))) continue;
      vus.add(c('Identifiant_de_l_etablissement'));
      const r = lignes.get(c('Identifiant_de_l_etablissement'));
      expect({
        nom: r.nom,
        type_libelle: r.type_libelle,
        statut: r.statut,
        code_postal: r.code_postal,
        code_commune: r.code_commune,
        code_departement: r.code_departement,
        code_region: r.code_region,
        ecole_maternelle: r.ecole_maternelle === null ? null : Boolean(r.ecole_maternelle),
        ulis: r.ulis === null ? null : Boolean(r.ulis),
        nombre_eleves: r.nombre_eleves,
        latitude: r.latitude,
        etat: r.etat,
        date_ouverture: r.date_ouverture,
      }).toEqual({
        nom: c('Nom_etablissement'),
        type_libelle: c('Type_etablissement') || null,
        statut: { Public: 'public', Privé: 'prive', '': null }[c('Statut_public_prive')],
        code_postal: c('Code postal'),
        code_commune: c('Code_commune'),
        code_departement: c('Code_departement').replace(/^0/, ''),
        code_region: c('Code_region'),
        ecole_maternelle: booleen(c('Ecole_maternelle')),
        ulis: booleen(c('ULIS')),
        nombre_eleves: c('Nombre_d_eleves') === '' ? null : Number(c('Nombre_d_eleves')),
        latitude: Number(c('latitude')),
        etat: c('etat'),
        date_ouverture: c('date_ouverture'),
      });
    }
    const ecoles = lignesReelles.filter((l) => champs(l)('Type_etablissement') === 'Ecole').length;
    expect(await compter(db('etablissements').where({ type: 'ecole' }).count({ n: '*' }).first())).toBe(ecoles);
    expect(await db('etablissements').where({ nom_normalise: 'college saint magloire' }).pluck('nom')).toEqual(['Collège Saint-Magloire']);
  });

  it('changes nothing when the same file is imported again', async () => {
    const avant = await db('etablissements').orderBy('uai').select();
    const second = await importerAnnuaire(db, FICHIER_ANNUAIRE_DEMO);

    expect(second).toEqual({ ...premier, importes: 0, inchanges: premier.importes });
    expect(await db('etablissements').orderBy('uai').select()).toEqual(avant);
  });

  it('counts a modified line as updated, rewrites only that row and keeps establishments absent from the file', async () => {
    const uai = champs(lignesReelles[0])('Identifiant_de_l_etablissement');
    const avant = await db('etablissements').where({ uai }).first();
    const autresAvant = await db('etablissements').whereNot({ uai }).orderBy('uai').select();
    await new Promise((fin) => setTimeout(fin, 5));

    const fermee = remplacerChamp(remplacerChamp(lignesReelles[0], 'Nom_etablissement', 'École Élémentaire Modifiée'), 'etat', 'FERME');
    const rapport = await importerAnnuaire(db, depuisTexte(lignesCsv([entete, fermee, ...lignesReelles.slice(1, 10)])));

    expect(rapport).toMatchObject({ importes: 0, mis_a_jour: 1, inchanges: 9, rejetes: 0 });
    const apres = await db('etablissements').where({ uai }).first();
    expect(apres).toMatchObject({ nom: 'École Élémentaire Modifiée', nom_normalise: 'ecole elementaire modifiee', etat: 'FERME' });
    expect(apres.importe_le).toBe(avant.importe_le);
    expect(apres.modifie_le > avant.modifie_le).toBe(true);
    expect(await db('etablissements').whereNot({ uai }).orderBy('uai').select()).toEqual(autresAvant);
  });
});

describe('other exports of the annuaire', () => {
  /** Another spelling of each header (`Code postal` → `Code_postal`, `Nom_commune` → `nom commune`…), columns in reverse order. */
  function autreExport(lignes: string[]): string {
    const orthographe = (nom: string, i: number) =>
      nom === 'Identifiant_de_l_etablissement' ? "Identifiant de l'établissement" : i % 2 === 0 ? nom.toLowerCase().replace(/_/g, ' ') : nom.replace(/ /g, '_');
    const inverser = (ligne: string) => ligne.split(';').reverse().join(';');
    return lignesCsv([inverser(colonnes.map(orthographe).join(';')), ...lignes.map(inverser)], '\n');
  }

  it('maps columns by normalised header name whatever their spelling, order, line ending or BOM', async () => {
    const extrait = lignesReelles.slice(0, 25);
    const variante = autreExport(extrait);
    expect(variante).toContain('Code_postal');
    expect(variante).toContain('code commune');
    expect(variante).not.toContain('\r');
    expect(variante.charCodeAt(0)).not.toBe(0xfeff);

    const depuisVariante = await nouvelleBase();
    const depuisOriginal = await nouvelleBase();
    expect(await importerAnnuaire(depuisVariante, depuisTexte(variante))).toMatchObject({ importes: 25, rejetes: 0 });
    await importerAnnuaire(depuisOriginal, depuisTexte('\uFEFF' + lignesCsv([entete, ...extrait])));
    const lire = async (db: Db) => (await db('etablissements').orderBy('uai').select()).map(sansHorodatage);
    expect(await lire(depuisVariante)).toEqual(await lire(depuisOriginal));

    expect(await importerAnnuaire(depuisOriginal, depuisTexte(variante))).toMatchObject({ inchanges: 25, mis_a_jour: 0 });
  });

  it('reads a closing date when the export has one', async () => {
    const db = await nouvelleBase();
    const ligne = remplacerChamp(lignesReelles[0], 'etat', 'FERME') + ';2024-08-31';
    await importerAnnuaire(db, depuisTexte(lignesCsv([entete + ';date_fermeture', ligne], '\n')));
    const uai = ligne.split(';')[0];
    expect(await db('etablissements').where({ uai }).first()).toMatchObject({ etat: 'FERME', date_fermeture: '2024-08-31' });
  });

  it('refuses a file whose header lacks the columns every line needs', async () => {
    const db = await nouvelleBase();
    const sansUai = lignesCsv([colonnes.slice(1).join(';'), ...lignesReelles.slice(0, 3).map((l) => l.slice(l.indexOf(';') + 1))]);
    await expect(importerAnnuaire(db, depuisTexte(sansUai))).rejects.toThrow(/identifiant_de_l_etablissement/);
    await expect(importerAnnuaire(db, depuisTexte(''))).rejects.toThrow(/vide/);
    await expect(importerAnnuaire(db, path.join(os.tmpdir(), 'annuaire-absent.csv'))).rejects.toThrow(/ENOENT/);
    expect(await compter(db('etablissements').count({ n: '*' }).first())).toBe(0);
  });
});

describe('malformed lines', () => {
  const [a, b, c, d, e, f, g, h] = lignesReelles;
  const uaiA = a.split(';')[0];
  const mauvaiseLettre = uaiA.slice(0, 7) + LETTRES[(LETTRES.indexOf(uaiA[7]) + 1) % 23];

  it('reports each bad line with its line number and reason, and imports every good line around it', async () => {
    const db = await nouvelleBase();
    const texte = lignesCsv([
      entete, //                                                     1
      b, //                                                          2
      avecUai(a, mauvaiseLettre), //                                 3
      avecUai(c, ''), //                                             4
      d.split(';').slice(0, 10).join(';'), //                        5
      remplacerChamp(e, 'Type_etablissement', 'Université'), //      6
      '', //                                                         7
      remplacerChamp(f, 'Nom_etablissement', '"Ecole ""A;B""\r\nannexe"'), // 8–9
      remplacerChamp(g, 'date_ouverture', '1971-02-30'), //          10
      a, //                                                          11
      c, //                                                          12
      b, //                                                          13
      remplacerChamp(h, 'Nombre_d_eleves', '12,5'), //               14
      d + ';"guillemet jamais fermé', //                             15
      e, //                                                          16 (swallowed by the open quote)
    ]);

    const rapport = await importerAnnuaire(db, depuisTexte(texte), { lot: 2 });

    expect(rapport.rejets).toEqual([
      { ligne: 3, uai: mauvaiseLettre, raison: `UAI invalide : la lettre clé de ${uaiA.slice(0, 7)} est ${uaiA[7]}` },
      { ligne: 4, raison: 'UAI manquant' },
      { ligne: 5, raison: `nombre de colonnes incorrect : 10 au lieu de ${colonnes.length}` },
      { ligne: 6, uai: e.split(';')[0], raison: 'type d’établissement inconnu : « Université »' },
      { ligne: 10, uai: g.split(';')[0], raison: 'date_ouverture : date invalide' },
      { ligne: 13, uai: b.split(';')[0], raison: 'UAI déjà présent ligne 2 : seule la première ligne est importée' },
      { ligne: 14, uai: h.split(';')[0], raison: 'nombre_eleves : entier invalide' },
      { ligne: 15, raison: 'ligne illisible : guillemet ouvert jamais refermé, la suite du fichier n’a pas pu être lue' },
    ]);
    expect(rapport).toMatchObject({ importes: 4, mis_a_jour: 0, inchanges: 0, rejetes: 8 });
    const uais = [b, f, a, c].map((l) => l.split(';')[0]).sort();
    expect(await db('etablissements').orderBy('uai').pluck('uai')).toEqual(uais);
    expect(
      await db('etablissements')
        .where({ uai: f.split(';')[0] })
        .first(),
    ).toMatchObject({ nom: 'Ecole "A;B"\r\nannexe' });
  });

  it('keeps the good lines of a batch when the database refuses one of them', async () => {
    const db = await nouvelleBase();
    const refuse = lignesReelles[20].split(';')[0];
    if (isPostgres(db)) {
      await db.raw(
        `CREATE FUNCTION refuser() RETURNS trigger AS $$ BEGIN IF NEW.uai = '${refuse}' THEN RAISE EXCEPTION 'refus de test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
      );
      await db.raw('CREATE TRIGGER refus BEFORE INSERT ON etablissements FOR EACH ROW EXECUTE FUNCTION refuser()');
    } else {
      await db.raw(`CREATE TRIGGER refus BEFORE INSERT ON etablissements WHEN NEW.uai = '${refuse}' BEGIN SELECT RAISE(ABORT, 'refus de test'); END`);
    }

    const rapport = await importerAnnuaire(db, depuisTexte(lignesCsv([entete, ...lignesReelles.slice(0, 50)])), { lot: 500 });

    expect(rapport).toMatchObject({ importes: 49, rejetes: 1 });
    expect(rapport.rejets).toEqual([{ ligne: 22, uai: refuse, raison: expect.stringMatching(/^refusée par la base de données : \w+ : refus de test$/) }]);
    expect(await compter(db('etablissements').count({ n: '*' }).first())).toBe(49);
  });
});
