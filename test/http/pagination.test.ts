import fc from 'fast-check';
import { decoderCurseur, encoderCurseur } from '../../src/http/pagination';
import { Probleme } from '../../src/http/problemes';

describe('sealed cursors', () => {
  it('round-trip any sort key', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (cle) => {
        const curseur = encoderCurseur(cle);
        expect(decoderCurseur(curseur)).toEqual(JSON.parse(JSON.stringify(cle)));
      }),
    );
  });

  it('hide a pupil’s internal id', () => {
    const curseur = encoderCurseur({ date: '2026-11-01', apres: '35001-000272' });
    expect(Buffer.from(curseur, 'base64url').toString('latin1')).not.toContain('35001');
    expect(curseur).toBe(encoderCurseur({ date: '2026-11-01', apres: '35001-000272' }));
  });

  it('refuse a forged or altered cursor with a 400 problem', () => {
    const curseur = encoderCurseur({ apres: 'a' });
    const altere = curseur.slice(0, -2) + (curseur.endsWith('A') ? 'BB' : 'AA');
    for (const mauvais of [altere, Buffer.from(JSON.stringify({ apres: 'z' })).toString('base64url'), '!!!']) {
      expect(() => decoderCurseur(mauvais)).toThrow(Probleme);
    }
  });
});
