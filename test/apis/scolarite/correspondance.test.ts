import fc from 'fast-check';
import { lireDemande, type ParametresStatut } from '../../../src/apis/scolarite/demande';
import { prenomsCorrespondent } from '../../../src/apis/scolarite/repository';
import { Probleme } from '../../../src/http/problemes';
import { normaliserNom } from '../../../src/referentiels/texte';

const AUJOURDHUI = '2026-11-28';
const VALIDE: ParametresStatut = {
  nomNaissance: 'Le Gall',
  prenoms: ['Louise'],
  sexeEtatCivil: 'F',
  anneeDateNaissance: 2011,
  moisDateNaissance: 3,
  jourDateNaissance: 14,
  codesDepartements: ['35'],
  recipient: '53408918800013',
  context: 'Allocation de rentrée scolaire',
  object: 'Dossier 42',
};

function probleme(p: Partial<ParametresStatut>): Probleme {
  try {
    lireDemande({ ...VALIDE, ...p }, AUJOURDHUI);
  } catch (e) {
    if (e instanceof Probleme) return e;
    throw e;
  }
  throw new Error('aucune erreur');
}

/** A spelling of a name as a clerk may type it: case, accents, hyphens, apostrophes, spaces. */
function graphie(nom: string): fc.Arbitrary<string> {
  return fc
    .record({
      casse: fc.array(fc.boolean(), { minLength: nom.length, maxLength: nom.length }),
      sansAccents: fc.boolean(),
      separateur: fc.constantFrom(' ', '-', "'", '  ', ' - ', '’'),
      bords: fc.tuple(fc.constantFrom('', ' ', '  '), fc.constantFrom('', ' ', '  ')),
    })
    .map(({ casse, sansAccents, separateur, bords }) => {
      let s = [...nom].map((c, i) => (casse[i] ? c.toUpperCase() : c.toLowerCase())).join('');
      if (sansAccents) s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      return bords[0] + s.replace(/[ '-]+/g, separateur) + bords[1];
    });
}

describe('normalisation des noms (celle de eleves.nom_normalise)', () => {
  it.each(["L'Hostis", 'Le Gall', 'Lefèvre', 'Jean-Baptiste', 'Nguyễn', 'Œillet'])('any spelling of %s normalises like the registered one', (nom) => {
    fc.assert(
      fc.property(graphie(nom), (saisie) => normaliserNom(saisie) === normaliserNom(nom)),
      { numRuns: 100 },
    );
  });
});

describe('prénoms : les premiers prénoms enregistrés, entiers, dans l’ordre', () => {
  it.each([
    [['Jean-Baptiste'], 'Jean-Baptiste Louis Marie', true],
    [['jean baptiste'], 'Jean-Baptiste Louis', true],
    [['Jean Baptiste Louis'], 'Jean-Baptiste Louis', true],
    [['Jean', 'Baptiste'], 'Jean-Baptiste Louis', true],
    [['JEAN-BAPTISTE', 'louis'], 'Jean-Baptiste Louis Marie', true],
    [['Jean'], 'Jean-Baptiste Louis', false],
    [['Louis'], 'Jean-Baptiste Louis', false],
    [['Jean-Baptiste', 'Marie'], 'Jean-Baptiste Louis Marie', false],
    [['Léa', 'Anne', 'Rose'], 'Lea Anne', false],
    [['Éloïse'], 'Eloise', true],
  ])('%j against « %s » → %s', (donnes, enregistres, attendu) => {
    expect(prenomsCorrespondent(donnes as string[], enregistres as string)).toBe(attendu);
  });

  it('every prefix of the registered first names matches, whatever the spelling', () => {
    const enregistres = ['Marie-Lou', 'Anne', 'Zoé'];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), (k, majuscules) => {
        const donnes = enregistres.slice(0, k).map((p, i) => (majuscules[i] ? p.toUpperCase() : p.replace('-', ' ')));
        return prenomsCorrespondent(donnes, enregistres.join(' '));
      }),
    );
  });
});

describe('lecture de la demande', () => {
  it('normalises names, accepts 2026 or 2026-2027 and defaults to the current school year', () => {
    const d = lireDemande({ ...VALIDE, nomNaissance: "  l'HOSTIS ", anneeScolaire: '2026' }, AUJOURDHUI);
    expect(d.nom).toBe('l hostis');
    expect(d.anneeScolaire).toBe('2026-2027');
    expect(lireDemande({ ...VALIDE, anneeScolaire: '2025-2026' }, AUJOURDHUI).anneeScolaire).toBe('2025-2026');
    expect(lireDemande(VALIDE, '2027-03-01').anneeScolaire).toBe('2026-2027');
    expect(lireDemande(VALIDE, '2027-09-01').anneeScolaire).toBe('2027-2028');
    expect(lireDemande({ ...VALIDE, codesDepartements: ['035', '35'] }, AUJOURDHUI).perimetre).toEqual({ departements: ['35'] });
    expect(lireDemande({ ...VALIDE, codesDepartements: undefined, codeEtablissement: ' 0350006s' }, AUJOURDHUI).perimetre).toEqual({ uai: '0350006S' });
  });

  it.each([
    [{ recipient: '53408918800014' }, 'recipient'],
    [{ codesDepartements: undefined, codeEtablissement: '0350006T' }, 'codeEtablissement'],
    [{ codesDepartements: ['99'] }, 'codesDepartements'],
    [{ codesDepartements: undefined, codesRegions: ['5'] }, 'codesRegions'],
    [{ moisDateNaissance: 2, jourDateNaissance: 30 }, 'jourDateNaissance'],
    [{ anneeDateNaissance: 2027 }, 'jourDateNaissance'],
    [{ anneeScolaire: '2026-2028' }, 'anneeScolaire'],
    [{ nomNaissance: ' - ' }, 'nomNaissance'],
    [{ prenoms: ['Louise', ''] }, 'prenoms'],
  ])('%j → 400 naming %s, never its value', (p, champ) => {
    const e = probleme(p as Partial<ParametresStatut>);
    expect(e.statut).toBe(400);
    expect(e.extensions.erreurs).toEqual([expect.objectContaining({ champ })]);
    expect(JSON.stringify(e.extensions)).not.toContain(String(Object.values(p)[0]));
  });

  it.each([
    [{ recipient: undefined }, ['recipient']],
    [{ context: ' ', object: undefined }, ['context', 'object']],
  ])('%j → 422 naming the missing parameters', (p, champs) => {
    const e = probleme(p as Partial<ParametresStatut>);
    expect(e.code).toBe('entite_non_traitable');
    expect((e.extensions.erreurs as Array<{ champ: string }>).map((x) => x.champ)).toEqual(champs);
  });

  it.each([[{ codesDepartements: undefined }], [{ codesDepartements: [] }], [{ codeEtablissement: '0350006S' }], [{ codesRegions: ['53'] }]])(
    '%j → 422: exactly one perimeter',
    (p) => {
      expect(probleme(p as Partial<ParametresStatut>).code).toBe('entite_non_traitable');
    },
  );
});
