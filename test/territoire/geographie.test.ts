import { geographieOfficielle } from '../../src/territoire/geographie';

describe('la géographie officielle (une seule, chargée une fois)', () => {
  const geographie = geographieOfficielle();

  it('is read once: every caller gets the same geography', () => {
    expect(geographieOfficielle()).toBe(geographie);
  });

  it('places a commune, a département and a région in those above them', () => {
    expect(geographie.territoire('commune', '35238')).toEqual({
      niveau: 'commune',
      code: '35238',
      nom: 'Rennes',
      code_commune: '35238',
      code_departement: '35',
      code_region: '53',
    });
    expect(geographie.territoire('departement', '2A')).toMatchObject({ nom: 'Corse-du-Sud', code_commune: null, code_departement: '2A', code_region: '94' });
    expect(geographie.territoire('departement', '976')).toMatchObject({ nom: 'Mayotte', code_region: '06' });
    expect(geographie.territoire('region', '53')).toEqual({
      niveau: 'region',
      code: '53',
      nom: 'Bretagne',
      code_commune: null,
      code_departement: null,
      code_region: '53',
    });
  });

  it('knows only current communes, and no code it was not given', () => {
    expect(geographie.territoire('commune', '35999')).toBeUndefined();
    expect(geographie.territoire('departement', '035')).toBeUndefined();
    expect(geographie.territoire('region', '99')).toBeUndefined();
    // Paris' arrondissements are not communes.
    expect(geographie.existe('75056')).toBe(true);
    expect(geographie.existe('75101')).toBe(false);
    expect(geographie.nomCommune('75101')).toBeNull();
    expect(() => geographie.commune('75101')).toThrow(RangeError);
  });

  it('indexes communes by département and intercommunality, in code order', () => {
    const bretilliennes = geographie.communesDuDepartement('35');
    expect(bretilliennes.length).toBeGreaterThan(300);
    expect(bretilliennes.every((c) => c.departement === '35' && c.region === '53')).toBe(true);
    const rennes = geographie.commune('35238');
    expect(rennes.epci).not.toBeNull();
    expect(geographie.communesDeLEpci(rennes.epci!).map((c) => c.code)).toContain('35238');
    const codes = geographie.communes.map((c) => c.code);
    expect(codes).toEqual([...codes].sort());
  });
});
