import type { Db } from '../../src/db/knex';
import { ouvrirEcrivain } from '../../src/synthetique/ecriture';
import type { EleveLigne, ScolariteLigne } from '../../src/db/tables-eleves';
import { ouvrirBase } from '../support/base';

let db: Db;
let fermer: () => Promise<void>;

beforeAll(async () => {
  ({ db, fermer } = await ouvrirBase());
});

afterAll(async () => {
  await fermer();
});

// Values that delimit rows and fields in a bulk load (COPY's text format on PostgreSQL).
const ADRESSE = 'Bâtiment A\t3\\4, rue de l’Église\r\nBP \\N';

const ELEVE: EleveLigne = {
  id: 'E1',
  ine: '0123456789A',
  nom: 'D’ARTAGNAN-LÉGER',
  prenoms: 'Zoé Anaïs',
  sexe: 'F',
  date_naissance: '2014-02-03',
  code_commune_naissance: '99350',
  libelle_commune_naissance: 'Maroc',
  nom_normalise: 'd artagnan leger',
  foyer_id: 'F1',
  adresse_ligne: ADRESSE,
  code_postal: '35000',
  code_commune_residence: '35238',
};

const SCOLARITE: ScolariteLigne = {
  eleve_id: 'E1',
  annee_scolaire: '2026-2027',
  mode_instruction: 'instruction_famille',
  uai: null,
  niveau_code: null,
  niveau_libelle: null,
  code_mef_stat: null,
  libelle_mef: null,
  statut_eleve: null,
  est_boursier: true,
  echelon_bourse: 3,
  regime: null,
  redoublant: false,
  date_entree: null,
  date_sortie: null,
};

describe('ouvrirEcrivain (chargement en masse)', () => {
  it('relit à l’identique tabulations, barres obliques inverses, fins de ligne, nuls, booléens et entiers', async () => {
    const ecrivain = await ouvrirEcrivain(db);
    const generationId = await ecrivain.commencer({
      graine: 1,
      perimetre: '{}',
      echelle: 1,
      aujourdhui: '2026-11-28',
      annee_scolaire: '2026-2027',
      dates_publication: '[]',
      nombre_communes: 1,
      cree_le: new Date().toISOString(),
    });
    try {
      ecrivain.ecrire('eleves', ELEVE);
      ecrivain.ecrire('scolarites', SCOLARITE);
      await ecrivain.vider();
      await ecrivain.terminer({ nombre_eleves: 1, nombre_responsables: 0, nombre_scolarites: 1, nombre_versions: 0, termine_le: new Date().toISOString() });
    } catch (erreur) {
      await ecrivain.annuler();
      throw erreur;
    }

    expect(await db('eleves').where({ id: 'E1' }).first()).toEqual(ELEVE);
    const scolarite = await db('scolarites').where({ eleve_id: 'E1' }).first();
    expect({
      ...scolarite,
      est_boursier: Boolean(scolarite.est_boursier),
      redoublant: Boolean(scolarite.redoublant),
      echelon_bourse: Number(scolarite.echelon_bourse),
    }).toEqual(SCOLARITE);
    expect(await db('generations').where({ id: generationId }).first('nombre_eleves')).toEqual({ nombre_eleves: 1 });
  });
});
