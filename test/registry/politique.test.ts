import type { Db } from '../../src/db/knex';
import { chargerPolitique, POLITIQUE, PolitiqueIncoherente, type DonneesPolitique } from '../../src/registry/politique';
import { ouvrirBase } from '../support/base';

/** The registry's data is the policy: after a load, the tables hold exactly it, deletions included. */

let db: Db;
let fermer: () => Promise<void>;

beforeAll(async () => {
  ({ db, fermer } = await ouvrirBase());
});
afterAll(() => fermer());

const codes = async (table: string, cle = 'code') => (await db(table).orderBy(cle).pluck(cle)).map(String);
const sans = (donnees: DonneesPolitique, retrait: Partial<Record<keyof DonneesPolitique, string[]>>): DonneesPolitique => ({
  traitements: donnees.traitements.filter((x) => !retrait.traitements?.includes(x.code)),
  finalites: donnees.finalites.filter((x) => !retrait.finalites?.includes(x.code)),
  categories: donnees.categories.filter((x) => !retrait.categories?.includes(x.code)),
  apis: donnees.apis.filter((x) => !retrait.apis?.includes(x.id)),
  scopes: donnees.scopes.filter((x) => !retrait.scopes?.includes(x.code)),
  regles: donnees.regles.filter((x) => !retrait.regles?.includes(x.code)),
});

describe('chargerPolitique', () => {
  it('loads every row of the data, and loading twice changes nothing', async () => {
    await chargerPolitique(db);
    await chargerPolitique(db);
    expect(await codes('regles')).toEqual(POLITIQUE.regles.map((r) => r.code).sort());
    expect(await codes('scopes')).toEqual(POLITIQUE.scopes.map((s) => s.code).sort());
    expect(await codes('finalites')).toEqual(POLITIQUE.finalites.map((f) => f.code).sort());
  });

  it('deletes a rule removed from the data, and a finalité removed with its rules', async () => {
    const regle = POLITIQUE.regles[0];
    const finalite = POLITIQUE.finalites.find((f) => f.code !== regle.finalite_code && POLITIQUE.regles.some((r) => r.finalite_code === f.code))!;
    const siennes = POLITIQUE.regles.filter((r) => r.finalite_code === finalite.code).map((r) => r.code);
    await chargerPolitique(db, sans(POLITIQUE, { regles: [regle.code, ...siennes], finalites: [finalite.code] }));
    expect(await codes('regles')).not.toContain(regle.code);
    expect(await codes('regles')).toHaveLength(POLITIQUE.regles.length - 1 - siennes.length);
    expect(await codes('finalites')).not.toContain(finalite.code);

    // Put back in the data, they are back.
    await chargerPolitique(db);
    expect(await codes('regles')).toEqual(POLITIQUE.regles.map((r) => r.code).sort());
    expect(await codes('finalites')).toContain(finalite.code);
  });

  it('refuses, changing nothing, to delete a rule a habilitation still names', async () => {
    const regle = POLITIQUE.regles[0];
    await db('destinataires').insert({
      siret: '21350238800019',
      nom: 'Mairie de Rennes',
      categorie_code: regle.categorie_code,
      code_commune: '35238',
      cree_le: '2026-01-01T00:00:00.000Z',
    });
    await db('habilitations').insert({
      id: 'hab-politique',
      siret: '21350238800019',
      regle_code: regle.code,
      finalite_code: regle.finalite_code,
      scopes: JSON.stringify(regle.scopes),
      intitule: 'Test',
      date_debut: '2026-01-01',
      date_fin: '2027-12-31',
      statut: 'validee',
      cree_le: '2026-01-01T00:00:00.000Z',
      modifie_le: '2026-01-01T00:00:00.000Z',
    });
    const autre = POLITIQUE.regles[1].code;
    const chargement = chargerPolitique(db, sans(POLITIQUE, { regles: [regle.code, autre] }));
    await expect(chargement).rejects.toBeInstanceOf(PolitiqueIncoherente);
    await expect(chargement).rejects.toThrow(new RegExp(`regles « ${regle.code} » employé par habilitations\\.regle_code`));
    // One transaction: the unreferenced rule removed with it is still there too.
    expect(await codes('regles')).toEqual(expect.arrayContaining([regle.code, autre]));
  });
});
