import type { Db } from '../../src/db/knex';
import {
  enregistrerConsentement,
  enregistrerOpposition,
  type FinaliteDroits,
  filtrerParOppositionEtConsentement,
  leverOpposition,
  purgerConsentementsExpires,
  retirerConsentement,
} from '../../src/privacy/opposition';
import { ouvrirBase } from '../support/base';

const BRETAGNE = '23350001600040';
const NORMANDIE = '20005376700014';
const AUJOURDHUI = '2025-03-15';

const obligationScolaire: FinaliteDroits = {
  code: 'obligation_scolaire',
  base_rgpd: '6.1.c',
  opposition_applicable: true,
  consentement_requis: false,
};
const restauration: FinaliteDroits = {
  code: 'restauration_scolaire',
  base_rgpd: '6.1.e',
  opposition_applicable: true,
  consentement_requis: false,
};
const bourseMerite: FinaliteDroits = {
  code: 'bourse_merite_regionale',
  base_rgpd: '6.1.a',
  opposition_applicable: false,
  consentement_requis: true,
};

describe('oppositions et consentements', () => {
  let db: Db;
  let fermer: () => Promise<void>;

  beforeEach(async () => {
    ({ db, fermer } = await ouvrirBase());
  });
  afterEach(async () => {
    await fermer();
  });

  const filtrer = (finalite: FinaliteDroits, personnes: string[], date = AUJOURDHUI, siret = BRETAGNE) =>
    filtrerParOppositionEtConsentement(db, { finalite, siret, date }, personnes);

  it("exclut une personne opposée d'une finalité 6.1.e, jamais d'une obligation légale 6.1.c", async () => {
    for (const finalite of [obligationScolaire, restauration]) {
      await enregistrerOpposition(db, {
        personneId: 'eleve-2',
        finaliteCode: finalite.code,
        dateDebut: '2024-09-01',
        origine: 'courrier des parents',
      });
    }
    expect(await filtrer(restauration, ['eleve-1', 'eleve-2', 'eleve-3'])).toMatchObject({
      autorisees: ['eleve-1', 'eleve-3'],
      exclues: 1,
    });
    expect(await filtrer(obligationScolaire, ['eleve-1', 'eleve-2', 'eleve-3'])).toMatchObject({
      autorisees: ['eleve-1', 'eleve-2', 'eleve-3'],
      exclues: 0,
    });
  });

  it("n'applique une opposition qu'à sa finalité et pendant sa période, et la lève", async () => {
    await enregistrerOpposition(db, {
      personneId: 'eleve-1',
      finaliteCode: restauration.code,
      dateDebut: '2025-01-01',
      dateFin: '2025-06-30',
      origine: 'DPO',
    });
    expect((await filtrer(restauration, ['eleve-1'], '2024-12-31')).exclues).toBe(0);
    expect((await filtrer(restauration, ['eleve-1'], '2025-06-30')).exclues).toBe(1);
    expect((await filtrer(restauration, ['eleve-1'], '2025-07-01')).exclues).toBe(0);
    expect((await filtrer({ ...restauration, code: 'planification_scolaire' }, ['eleve-1'])).exclues).toBe(0);
    await leverOpposition(db, { personneId: 'eleve-1', finaliteCode: restauration.code, date: AUJOURDHUI });
    expect((await filtrer(restauration, ['eleve-1'])).exclues).toBe(0);
    expect((await filtrer(restauration, ['eleve-1'], '2025-03-14')).exclues).toBe(1);
  });

  it('ne retient, pour une finalité à consentement, que les consentements valides donnés à ce destinataire', async () => {
    const consentir = (personneId: string, siret: string, dateExpiration: string, portee = {}) =>
      enregistrerConsentement(db, {
        personneId,
        finaliteCode: bourseMerite.code,
        siret,
        portee,
        dateRecueil: '2024-06-01',
        dateExpiration,
        origine: 'formulaire lycée',
      });
    await consentir('eleve-1', BRETAGNE, '2025-12-31', { adresse_contact: true });
    await consentir('eleve-2', NORMANDIE, '2025-12-31');
    await consentir('eleve-3', BRETAGNE, '2025-03-14');
    await consentir('eleve-4', BRETAGNE, '2025-03-15');
    const resultat = await filtrer(bourseMerite, ['eleve-1', 'eleve-2', 'eleve-3', 'eleve-4', 'eleve-5']);
    expect(resultat.autorisees).toEqual(['eleve-1', 'eleve-4']);
    expect(resultat.exclues).toBe(3);
    expect(resultat.portees.get('eleve-1')).toEqual({ adresse_contact: true });
    expect(resultat.portees.get('eleve-4')).toEqual({});
  });

  it('honore un retrait de consentement dès la requête suivante', async () => {
    await enregistrerConsentement(db, {
      personneId: 'eleve-1',
      finaliteCode: bourseMerite.code,
      siret: BRETAGNE,
      portee: {},
      dateRecueil: '2024-06-01',
      dateExpiration: '2026-06-01',
      origine: 'formulaire lycée',
    });
    expect((await filtrer(bourseMerite, ['eleve-1'])).autorisees).toEqual(['eleve-1']);
    const retires = await retirerConsentement(db, {
      personneId: 'eleve-1',
      finaliteCode: bourseMerite.code,
      siret: BRETAGNE,
      date: AUJOURDHUI,
    });
    expect(retires).toBe(1);
    expect(await filtrer(bourseMerite, ['eleve-1'])).toMatchObject({ autorisees: [], exclues: 1 });
  });

  it('filtre des milliers de personnes en une fois, doublons comptés une fois', async () => {
    const personnes = Array.from({ length: 3000 }, (_, i) => `eleve-${i}`);
    const opposees = personnes.filter((_, i) => i % 7 === 0);
    await db.batchInsert(
      'oppositions',
      opposees.map((personne_id) => ({
        personne_id,
        finalite_code: restauration.code,
        date_debut: '2024-01-01',
        origine: 'test',
        cree_le: AUJOURDHUI,
      })),
      500,
    );
    const resultat = await filtrer(restauration, [...personnes, ...personnes.slice(0, 10)]);
    expect(resultat.exclues).toBe(opposees.length);
    expect(resultat.autorisees).toHaveLength(3000 - opposees.length);
    expect(resultat.autorisees).not.toContain('eleve-7');
  });

  it('purge les consentements expirés et garde les autres', async () => {
    for (const [personneId, dateExpiration] of [
      ['eleve-1', '2025-03-14'],
      ['eleve-2', '2025-03-15'],
    ]) {
      await enregistrerConsentement(db, {
        personneId,
        finaliteCode: bourseMerite.code,
        siret: BRETAGNE,
        portee: {},
        dateRecueil: '2024-06-01',
        dateExpiration,
        origine: 'formulaire lycée',
      });
    }
    expect(await purgerConsentementsExpires(db, AUJOURDHUI)).toBe(1);
    expect((await db('consentements').select('personne_id')).map((c) => c.personne_id)).toEqual(['eleve-2']);
  });

  it('refuse des dates mal formées et un SIRET invalide', async () => {
    await expect(
      enregistrerConsentement(db, {
        personneId: 'eleve-1',
        finaliteCode: bourseMerite.code,
        siret: '123',
        portee: {},
        dateRecueil: '2024-06-01',
        dateExpiration: '2026-06-01',
        origine: 'x',
      }),
    ).rejects.toThrow(TypeError);
    await expect(enregistrerOpposition(db, { personneId: 'eleve-1', finaliteCode: 'x', dateDebut: '01/09/2024', origine: 'x' })).rejects.toThrow(TypeError);
  });
});
