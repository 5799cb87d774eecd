import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { demarrerAppDeTest, type AppDeTest } from '../support/app';

let t: AppDeTest;
beforeAll(async () => {
  t = await demarrerAppDeTest();
});
afterAll(() => t.fermer());

/** The README's demo credentials table is a contract: every row must obtain exactly its scopes. */
function lignesReadme(): Array<{ clientId: string; secret: string; siret: string; scopes: string[] }> {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.split('## Identifiants de démonstration')[1].split('\n## ')[0];
  return section
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => {
      const [id, secret, destinataire, scopes] = l
        .split('|')
        .slice(1, 5)
        .map((c) => c.trim());
      return {
        clientId: id.replace(/`/g, ''),
        secret: secret.replace(/`/g, ''),
        siret: /\((\d{14})\)/.exec(destinataire)![1],
        scopes: scopes
          .split(/\s+/)
          .map((s) => s.replace(/`/g, ''))
          .sort(),
      };
    });
}

describe('README demo credentials', () => {
  const lignes = lignesReadme();

  it('lists the ten demo clients', () => {
    expect(lignes.map((l) => l.clientId)).toEqual([
      'demo-mairie-rennes',
      'demo-mairie-saint-malo',
      'demo-departement-35',
      'demo-region-bretagne',
      'demo-mission-locale-rennes',
      'demo-caf-35',
      'demo-editeur-restauration',
      'demo-rennes-metropole',
      'demo-syndicat-scolaire',
      'demo-operateur',
    ]);
  });

  it.each(lignesReadme())('$clientId obtains exactly the documented scopes for its recipient', async (ligne) => {
    const rep = await request(t.app).post('/oauth/token').auth(ligne.clientId, ligne.secret).type('form').send({ grant_type: 'client_credentials' });
    expect(rep.status).toBe(200);
    expect(rep.body.scope.split(' ').sort()).toEqual(ligne.scopes);
    const intro = await request(t.app).post('/oauth/introspect').auth(ligne.clientId, ligne.secret).type('form').send({ token: rep.body.access_token });
    expect(intro.body.sub).toBe(ligne.siret);
  });
});
