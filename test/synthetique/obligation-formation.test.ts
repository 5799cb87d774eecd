/**
 * The young people of the training-obligation lists, as the generator draws them: deterministic
 * from the seed, on a list only between 16 and 18, from the day they left school until the day
 * they turn 18, find a training place or move away.
 */
import { aujourdhui } from '../../src/horloge';
import { anniversaire, datesPublication } from '../../src/referentiels/calendrier';
import { ficheAuJour, simulerJeunes, type ParametresObligationFormation } from '../../src/synthetique/obligation-formation';
import { carteOfficielleDesCommunes, communesDuPerimetre } from '../../src/synthetique/territoire';

const territoire = carteOfficielleDesCommunes();
const parametres: ParametresObligationFormation = {
  graine: 7,
  aujourdhui: aujourdhui(),
  echelle: 1,
  communes: communesDuPerimetre(territoire, { communes: ['35238', '35288', '35047'] }),
  etablissements: [
    { uai: '0350024C', type: 'lycee', code_commune: '35238', code_departement: '35' },
    { uai: '0350026N', type: 'lycee', code_commune: '35238', code_departement: '35' },
    { uai: '0352260S', type: 'college', code_commune: '35288', code_departement: '35' },
  ],
  territoire,
};

describe('simulerJeunes', () => {
  const jeunes = simulerJeunes(parametres);

  it('draws the same young people from the same seed, others from another', () => {
    expect(simulerJeunes(parametres)).toEqual(jeunes);
    expect(simulerJeunes({ ...parametres, graine: 8 }).map((j) => j.nom)).not.toEqual(jeunes.map((j) => j.nom));
    expect(new Set(jeunes.map((j) => j.id)).size).toBe(jeunes.length);
    expect(new Set(jeunes.map((j) => j.ine)).size).toBe(jeunes.length);
  });

  it('puts each one on the lists from 16 and his leaving school, until 18 or a solution', () => {
    expect(jeunes.length).toBeGreaterThan(100);
    for (const j of jeunes) {
      expect(j.entree >= anniversaire(j.dateNaissance, 16)).toBe(true);
      expect(j.entree >= j.dateSortie).toBe(true);
      expect(j.entree < j.fin).toBe(true);
      expect(j.fin <= anniversaire(j.dateNaissance, 18)).toBe(true);
      if (j.motifFin === 'fin_obligation') expect(j.fin).toBe(anniversaire(j.dateNaissance, 18));
      expect(j.uai === null || ['0350024C', '0350026N', '0352260S'].includes(j.uai)).toBe(true);
      for (const date of datesPublication(parametres.aujourdhui)) {
        expect(ficheAuJour(j, date) !== null).toBe(j.entree <= date && date < j.fin);
      }
    }
    const motifs = new Set(jeunes.map((j) => j.motifFin));
    for (const m of ['fin_obligation', 'retour_formation', 'apprentissage', 'emploi_ou_service_civique']) expect(motifs).toContain(m);
  });

  it('names a collège for who left in troisième, a lycée otherwise', () => {
    for (const j of jeunes) {
      if (j.niveau === '3E') expect(j.uai).toBe('0352260S');
      else expect(['0350024C', '0350026N']).toContain(j.uai);
    }
  });
});
