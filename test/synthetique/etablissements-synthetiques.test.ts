import { FICHIER_ANNUAIRE_DEMO } from '../../src/import/annuaire';
import type { Db } from '../../src/db/knex';
import { accueilDuNiveau, TYPES_PAR_ACCUEIL } from '../../src/synthetique/carte-scolaire';
import { etablissementsSynthetiques, prefixeUai } from '../../src/synthetique/etablissements-synthetiques';
import { genererDonnees } from '../../src/synthetique/generer-donnees';
import { carteOfficielleDesCommunes } from '../../src/synthetique/territoire';
import { estUaiValide } from '../../src/territoire/uai';
import { ouvrirBase } from '../support/base';

const territoire = carteOfficielleDesCommunes();

describe('etablissementsSynthetiques', () => {
  const departements = ['22', '2A', '971', '75'];
  const lignes = etablissementsSynthetiques(territoire, departements, 42);

  it('donne des UAI valides (lettre clé), uniques, préfixés par le département', () => {
    expect(lignes.length).toBeGreaterThan(100);
    expect(new Set(lignes.map((e) => e.uai)).size).toBe(lignes.length);
    for (const e of lignes) {
      expect(estUaiValide(e.uai)).toBe(true);
      expect(e.uai.startsWith(prefixeUai(e.code_departement))).toBe(true);
      expect(territoire.commune(e.code_commune).departement).toBe(e.code_departement);
    }
    expect(lignes.some((e) => e.uai.startsWith('620'))).toBe(true);
  });

  it('est déterministe pour une graine et en dépend', () => {
    expect(etablissementsSynthetiques(territoire, departements, 42)).toEqual(lignes);
    const autre = etablissementsSynthetiques(territoire, departements, 7);
    expect(autre.map((e) => e.nom)).not.toEqual(lignes.map((e) => e.nom));
  });

  it('offre chaque niveau, public et privé sous contrat, dans chaque département', () => {
    for (const departement of departements) {
      const du = lignes.filter((e) => e.code_departement === departement);
      const offre = (type: string, statut: string, test: (e: (typeof lignes)[number]) => boolean = () => true) =>
        du.some((e) => e.type === type && e.statut === statut && e.type_contrat_prive !== 'HORS CONTRAT' && test(e));
      for (const statut of ['public', 'prive']) {
        expect(offre('ecole', statut, (e) => !!e.ecole_maternelle)).toBe(true);
        expect(offre('ecole', statut, (e) => !!e.ecole_elementaire)).toBe(true);
        expect(offre('college', statut)).toBe(true);
        expect(offre('lycee', statut, (e) => !!e.voie_generale)).toBe(true);
        expect(offre('lycee', statut, (e) => !!e.voie_professionnelle)).toBe(true);
      }
      expect(du.some((e) => e.type === 'medico_social')).toBe(true);
    }
  });

  it('ouvre plus d’écoles dans une ville que dans un village, aucune dans un hameau', () => {
    const ecoles = (commune: string) => lignes.filter((e) => e.code_commune === commune && e.type === 'ecole').length;
    expect(ecoles('75056')).toBeGreaterThan(ecoles('22278'));
    expect(ecoles('22278')).toBeGreaterThan(1);
    expect(ecoles('22129')).toBe(0); // Loc-Envel, 75 inhabitants
  });
});

describe('genererDonnees hors de l’annuaire importé', () => {
  let db: Db;
  let fermer: () => Promise<void>;

  beforeAll(async () => {
    ({ db, fermer } = await ouvrirBase());
  });

  afterAll(async () => {
    await fermer();
  });

  const SCOLARISES = ['public', 'prive_sous_contrat', 'prive_hors_contrat'];

  it('scolarise chaque élève des Côtes-d’Armor dans un établissement synthétique proche, du bon niveau', async () => {
    // Saint-Brieuc, Dinan and two villages without a school of their own.
    const communes = ['22278', '22050', '22108', '22129'];
    await genererDonnees(db, { communes, seed: 42, echelle: 0.05, aujourdhui: '2026-11-28', annuaire: FICHIER_ANNUAIRE_DEMO });
    const etablissements = new Map<string, { type: string; code_commune: string; code_departement: string; synthetique: unknown }>(
      (await db('etablissements').select('uai', 'type', 'code_commune', 'code_departement', 'synthetique')).map((e) => [e.uai, e]),
    );
    expect([...etablissements.values()].filter((e) => e.code_departement === '35').every((e) => !e.synthetique)).toBe(true);
    const scolarites = await db('scolarites')
      .join('eleves', 'eleves.id', 'scolarites.eleve_id')
      .where('annee_scolaire', '2026-2027')
      .whereNull('date_sortie')
      .whereIn('mode_instruction', SCOLARISES)
      .select('scolarites.uai', 'scolarites.niveau_code', 'eleves.code_commune_residence');
    expect(scolarites.length).toBeGreaterThan(100);
    for (const s of scolarites) {
      const etablissement = etablissements.get(s.uai);
      expect(etablissement).toBeDefined();
      expect(Boolean(etablissement!.synthetique)).toBe(true);
      expect(TYPES_PAR_ACCUEIL[accueilDuNiveau(s.niveau_code)]).toContain(etablissement!.type);
      const residence = territoire.commune(s.code_commune_residence);
      const ecole = territoire.commune(etablissement!.code_commune);
      expect(ecole.departement).toBe(residence.departement);
      // Young children go to school in their commune or close by.
      if (etablissement!.type === 'ecole' && residence.departement === '22') expect(ecole.arrondissement).toBe(residence.arrondissement);
    }
  });

  it('laisse intact le périmètre de la démonstration : aucun établissement synthétique en Ille-et-Vilaine', async () => {
    await genererDonnees(db, { communes: ['35288'], seed: 42, echelle: 0.05, aujourdhui: '2026-11-28', annuaire: FICHIER_ANNUAIRE_DEMO });
    const { n } = (await db('etablissements').where({ synthetique: true }).count({ n: '*' }).first()) as { n: number | string };
    expect(Number(n)).toBe(0);
    const reels = new Set((await db('etablissements').select('uai')).map((e) => e.uai));
    const uais = await db('scolarites').whereNotNull('uai').distinct('uai');
    expect(uais.length).toBeGreaterThan(0);
    for (const { uai } of uais) expect(reels.has(uai)).toBe(true);
  });
});
