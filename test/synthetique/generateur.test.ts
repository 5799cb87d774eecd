import { accueilDuNiveau, TYPES_PAR_ACCUEIL } from '../../src/synthetique/carte-scolaire';
import { GenerateurPopulation } from '../../src/synthetique/generateur';
import { normaliserNom } from '../../src/referentiels/texte';
import { MODE_INSTRUCTION, NIVEAU, origineSociale, PCS, REGIME, STATUT_ELEVE } from '../../src/referentiels/nomenclatures';
import type { EleveLigne, PublicationLigne, ResponsableLigne, ScolariteLigne, VersionLigne } from '../../src/db/tables-eleves';
import { carteOfficielleDesCommunes } from '../../src/synthetique/territoire';
import { COMMUNES_TEST, ETABLISSEMENTS_TEST } from './etablissements-test';

const AUJOURDHUI = '2026-11-28';
const ECHELLE = 0.05;

interface Generation {
  eleves: EleveLigne[];
  responsables: ResponsableLigne[];
  scolarites: ScolariteLigne[];
  versions: VersionLigne[];
  publications: PublicationLigne[];
}

function generer(graine: number): Generation {
  const territoire = carteOfficielleDesCommunes();
  const generateur = new GenerateurPopulation({
    graine,
    aujourdhui: AUJOURDHUI,
    echelle: ECHELLE,
    etablissements: ETABLISSEMENTS_TEST,
    perimetre: new Set(COMMUNES_TEST),
    territoire,
  });
  const g: Generation = { eleves: [], responsables: [], scolarites: [], versions: [], publications: [] };
  const puits = {
    eleve: (l: EleveLigne) => g.eleves.push(l),
    responsable: (l: ResponsableLigne) => g.responsables.push(l),
    scolarite: (l: ScolariteLigne) => g.scolarites.push(l),
    version: (l: VersionLigne) => g.versions.push(l),
  };
  for (const code of COMMUNES_TEST) generateur.genererCommune(territoire.commune(code), puits);
  g.publications = [...generateur.bilanPublications(1)];
  return g;
}

const age = (e: EleveLigne) => 2026 - Number(e.date_naissance.slice(0, 4));
const part = (n: number, total: number) => n / total;

describe('générateur de population synthétique', () => {
  const g = generer(42);
  const eleves = new Map(g.eleves.map((e) => [e.id, e]));
  const courantes = g.scolarites.filter((s) => s.annee_scolaire === '2026-2027');
  const etablissements = new Map(ETABLISSEMENTS_TEST.map((e) => [e.uai, e]));

  it('donne les mêmes lignes pour la même graine, et d’autres pour une autre graine', () => {
    expect(JSON.stringify(generer(42))).toBe(JSON.stringify(g));
    const autre = generer(43);
    expect(autre.eleves.map((e) => e.nom + e.prenoms + e.date_naissance)).not.toEqual(g.eleves.map((e) => e.nom + e.prenoms + e.date_naissance));
  });

  it('compte environ 15 % de la population parmi les 3-16 ans de chaque commune', () => {
    const rennes = carteOfficielleDesCommunes().commune('35238');
    const nes = g.eleves.filter((e) => e.id.startsWith('35238-') && !e.foyer_id.includes('-A'));
    const enfants = nes.filter((e) => age(e) >= 3 && age(e) <= 16);
    const attendu = rennes.population * 0.15 * ECHELLE;
    expect(enfants.length).toBeGreaterThan(attendu * 0.9);
    expect(enfants.length).toBeLessThan(attendu * 1.1);
    // Lycée pupils aged 17-19 are there too: about one age group and a quarter.
    const lyceens = nes.filter((e) => age(e) >= 17);
    expect(lyceens.length).toBeGreaterThan((enfants.length / 14) * 1.05);
    expect(lyceens.length).toBeLessThan((enfants.length / 14) * 1.45);
    expect(lyceens.every((e) => age(e) <= 19)).toBe(true);
  });

  it('scolarise ≈ 83 % des 3-16 ans dans le public, ≈ 16 % dans le privé sous contrat, et quelques-uns autrement', () => {
    const enfants = courantes.filter((s) => age(eleves.get(s.eleve_id)!) <= 16);
    const compter = (mode: string) => enfants.filter((s) => s.mode_instruction === mode).length;
    expect(part(compter('public'), enfants.length)).toBeGreaterThan(0.79);
    expect(part(compter('public'), enfants.length)).toBeLessThan(0.87);
    expect(part(compter('prive_sous_contrat'), enfants.length)).toBeGreaterThan(0.12);
    expect(part(compter('prive_sous_contrat'), enfants.length)).toBeLessThan(0.2);
    const autres = enfants.length - compter('public') - compter('prive_sous_contrat');
    expect(autres).toBeGreaterThan(0);
    expect(part(autres, enfants.length)).toBeLessThan(0.03);
    expect(g.scolarites.filter((s) => !MODE_INSTRUCTION[s.mode_instruction])).toEqual([]);
  });

  it('place chaque élève dans un établissement existant, ouvert, du bon type pour son niveau et du secteur de son mode', () => {
    const scolarises = g.scolarites.filter((s) => s.uai !== null);
    expect(scolarises.length).toBeGreaterThan(g.scolarites.length * 0.95);
    const anomalies = scolarises.filter((s) => {
      const e = etablissements.get(s.uai!);
      if (!e || e.etat !== 'OUVERT') return true;
      if (s.mode_instruction === 'etablissement_specialise') return e.type !== 'medico_social';
      return (
        !TYPES_PAR_ACCUEIL[accueilDuNiveau(s.niveau_code!)].includes(e.type) ||
        e.statut !== (s.mode_instruction === 'public' ? 'public' : 'prive') ||
        /HORS/.test(e.type_contrat_prive ?? '') !== (s.mode_instruction === 'prive_hors_contrat')
      );
    });
    expect(anomalies).toEqual([]);
  });

  it('donne un niveau cohérent avec l’âge, et l’an dernier le niveau inférieur ou le même', () => {
    const precedentes = new Map(g.scolarites.filter((s) => s.annee_scolaire === '2025-2026').map((s) => [s.eleve_id, s]));
    let redoublants = 0;
    const anomalies: ScolariteLigne[] = [];
    for (const s of courantes.filter((c) => c.niveau_code)) {
      const ecart = age(eleves.get(s.eleve_id)!) - 3 - NIVEAU[s.niveau_code!].rang;
      if (ecart < -1 || ecart > 2) anomalies.push(s);
      const avant = precedentes.get(s.eleve_id);
      if (!avant?.niveau_code) continue;
      // After a CAP, a pupil may go on to the first year of a bac pro.
      const passerelle = avant.niveau_code === '2CAP' && s.niveau_code === '1PRO';
      const progression = NIVEAU[s.niveau_code!].rang - NIVEAU[avant.niveau_code].rang + (passerelle ? 1 : 0);
      if (progression !== 0 && progression !== 1) anomalies.push(s);
      if (s.redoublant !== (progression === 0)) anomalies.push(s);
      if (progression === 0) redoublants++;
    }
    expect(anomalies).toEqual([]);
    expect(redoublants).toBeGreaterThan(0);
    expect(redoublants).toBeLessThan(courantes.length * 0.05);
    // Maternelle at 3-5, CP at 6: the usual ages hold for almost everyone.
    const ps = courantes.filter((s) => s.niveau_code === 'PS').map((s) => age(eleves.get(s.eleve_id)!));
    expect(ps.every((a) => a === 3)).toBe(true);
  });

  it('donne au second degré une formation (MEF), un statut, un régime, et ≈ 25 % de boursiers aux bons échelons', () => {
    const secondaire = courantes.filter((s) => s.niveau_code && ['college', 'lycee'].includes(NIVEAU[s.niveau_code].cycle) && s.uai);
    expect(secondaire.length).toBeGreaterThan(300);
    const boursiers = secondaire.filter((s) => s.est_boursier);
    expect(part(boursiers.length, secondaire.length)).toBeGreaterThan(0.18);
    expect(part(boursiers.length, secondaire.length)).toBeLessThan(0.32);
    const anomalies = secondaire.filter((s) => {
      const max = NIVEAU[s.niveau_code!].cycle === 'college' ? 3 : 6;
      const echelonValide = s.est_boursier ? s.echelon_bourse! >= 1 && s.echelon_bourse! <= max : s.echelon_bourse === null;
      return !/^\d{11}$/.test(s.code_mef_stat ?? '') || !s.libelle_mef || !STATUT_ELEVE[s.statut_eleve!] || !REGIME[s.regime!] || !echelonValide;
    });
    expect(anomalies).toEqual([]);
    expect(new Set(boursiers.map((s) => s.echelon_bourse))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    const lycee = new Set(['lycee', 'sts']);
    const internes = courantes.filter((s) => s.regime === '3');
    expect(internes.filter((s) => lycee.has(NIVEAU[s.niveau_code!].cycle)).length).toBeGreaterThan(internes.length / 2);
    // Primary pupils have neither grant nor boarding regime.
    const primaire = courantes.filter((c) => c.niveau_code && ['maternelle', 'elementaire'].includes(NIVEAU[c.niveau_code].cycle));
    expect(primaire.filter((s) => s.est_boursier || s.regime !== null)).toEqual([]);
  });

  it('attribue des INE uniques de 11 caractères avec leur lettre clé', () => {
    const ines = g.eleves.map((e) => e.ine);
    expect(new Set(ines).size).toBe(ines.length);
    const cle = (ine: string) => 'ABCDEFGHJKLMNPRSTUVWXYZ'[Number([...ine.slice(0, 10)].reduce((n, c) => n * 36n + BigInt(parseInt(c, 36)), 0n) % 23n)];
    expect(ines.filter((ine) => !/^[0-9A-Z]{10}[A-HJ-NPR-Z]$/.test(ine) || cle(ine) !== ine[10])).toEqual([]);
    expect(new Set(g.eleves.map((e) => e.id)).size).toBe(g.eleves.length);
  });

  it('normalise les noms pour la recherche d’identité', () => {
    expect(normaliserNom("N'Diaye-Le Gall")).toBe('n diaye le gall');
    expect(normaliserNom('Hélène  D’Almeida')).toBe('helene d almeida');
    expect(g.eleves.filter((e) => e.nom_normalise !== normaliserNom(e.nom))).toEqual([]);
    expect(g.eleves.some((e) => /[éèëïôç]/i.test(e.prenoms))).toBe(true);
  });

  it('rattache à chaque foyer un ou deux responsables, à l’adresse de l’enfant le plus souvent', () => {
    const parFoyer = new Map<string, ResponsableLigne[]>();
    for (const r of g.responsables) parFoyer.set(r.foyer_id, [...(parFoyer.get(r.foyer_id) ?? []), r]);
    expect(g.eleves.filter((e) => ![1, 2].includes(parFoyer.get(e.foyer_id)?.length ?? 0))).toEqual([]);
    const memeAdresse = g.eleves.filter((e) =>
      parFoyer.get(e.foyer_id)!.every((r) => r.adresse_ligne === e.adresse_ligne && r.code_commune === e.code_commune_residence),
    );
    expect(part(memeAdresse.length, g.eleves.length)).toBeGreaterThan(0.7);
    expect(new Set(g.responsables.map((r) => r.lien))).toEqual(new Set(['mere', 'pere', 'tuteur', 'autre_membre_famille']));
  });

  it('donne à chaque responsable une PCS, les boursiers venant surtout des milieux défavorisés', () => {
    for (const r of g.responsables) expect(Object.keys(PCS)).toContain(r.pcs);
    const premiers = new Map(g.responsables.filter((r) => r.rang === 1).map((r) => [r.foyer_id, r.pcs]));
    const origines = (boursier: boolean) =>
      courantes
        .filter((s) => s.est_boursier === boursier && s.statut_eleve === 'ST' && s.regime !== null)
        .map((s) => origineSociale(premiers.get(eleves.get(s.eleve_id)!.foyer_id)));
    const defavorises = (liste: string[]) => part(liste.filter((o) => o === 'defavorisee').length, liste.length);
    expect(defavorises(origines(true))).toBeGreaterThan(0.6);
    expect(defavorises(origines(false))).toBeLessThan(0.4);
    const toutes = [...premiers.values()].map(origineSociale);
    for (const o of ['tres_favorisee', 'favorisee', 'moyenne', 'defavorisee'])
      expect(part(toutes.filter((x) => x === o).length, toutes.length)).toBeGreaterThan(0.08);
  });

  it('publie chaque mois les arrivées, départs, changements et sorties à 16 ans', () => {
    const motifsDebut = new Set(g.versions.map((v) => v.motif_debut));
    for (const m of ['publication_initiale', 'entree_obligation', 'arrivee', 'rentree']) expect(motifsDebut).toContain(m);
    const motifsFin = new Set(g.versions.map((v) => v.motif_fin));
    for (const m of ['demenagement', 'fin_obligation']) expect(motifsFin).toContain(m);
    expect(g.publications.map((p) => p.date_publication).slice(0, 4)).toEqual(['2026-06-01', '2026-09-01', '2026-10-01', '2026-11-01']);
    // Nobody 16 or older, nobody not yet 3 in the calendar year, is on a list of the current year.
    const horsAge = g.versions
      .filter((v) => v.annee_scolaire === '2026-2027')
      .filter((v) => v.valide_du >= `${Number(v.date_naissance.slice(0, 4)) + 16}${v.date_naissance.slice(4)}` || Number(v.date_naissance.slice(0, 4)) > 2023);
    expect(horsAge).toEqual([]);
  });
});
