/**
 * The developer portal as a new integrator uses it: the real server, Debian's Chromium, Swagger
 * UI at /docs; "Authorize" with a demo client's credentials obtains a token from /oauth/token,
 * then "Try it out" on an API école operation returns 200 with data.
 * Skipped (with the reason) when /usr/bin/chromium is absent; .ci/run installs it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createDb, type Db } from '../../src/db/knex';
import { basePreparee, demarrerServeurReel, type ServeurReel } from '../securite/serveur-reel';

const CHROMIUM = '/usr/bin/chromium';
const present = fs.existsSync(CHROMIUM);
if (!present) console.warn(`test/portail/swagger.test.ts ignoré : ${CHROMIUM} absent (apt-get install -y chromium).`);
const decrire = present ? describe : describe.skip;

/** Screenshots land here so a person can look at what the browser showed. */
export const DOSSIER_CAPTURES = path.join(os.tmpdir(), 'apisation-portail');

decrire('portail développeur /docs dans Chromium', () => {
  let serveur: ServeurReel;
  let navigateur: Browser;
  let page: Page;
  let uaiEcoleRennes: string;

  beforeAll(async () => {
    const base = await basePreparee();
    const db: Db = createDb(base.url);
    uaiEcoleRennes = (
      await db('etablissements as e')
        .join('constats_effectifs as c', 'c.uai', 'e.uai')
        .where({ 'e.code_commune': '35238', 'e.type': 'ecole' })
        .orderBy('e.uai')
        .first('e.uai')
    ).uai;
    await db.destroy();
    serveur = await demarrerServeurReel({}, base);
    navigateur = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await navigateur.newPage({ viewport: { width: 1280, height: 1000 } });
    fs.mkdirSync(DOSSIER_CAPTURES, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await navigateur?.close();
    await serveur?.fermer();
  });

  it('authorizes with client credentials, then "Try it out" gets a 200 from API école', async () => {
    const erreursConsole: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') erreursConsole.push(m.text());
    });
    await page.goto(`${serveur.url}/docs/`);
    await page.locator('.swagger-ui .info .title').waitFor({ timeout: 30_000 });
    expect(await page.locator('.swagger-ui .info .title').innerText()).toContain('Passerelle APIsation');

    // Authorize: client id and secret of a demo mairie, no scope ticked = every scope of its habilitations.
    await page.locator('.auth-wrapper button.authorize').click();
    const modale = page.locator('.dialog-ux .modal-ux');
    await modale.locator('input#client_id_clientCredentials').fill('demo-mairie-rennes');
    await modale.locator('input#client_secret_clientCredentials').fill('demo-secret-mairie-rennes');
    const jeton = page.waitForResponse((r) => r.url().endsWith('/oauth/token'));
    await modale.locator('.auth-btn-wrapper button.authorize').click();
    const reponseJeton = await jeton;
    expect(reponseJeton.status()).toBe(200);
    await page.screenshot({ path: path.join(DOSSIER_CAPTURES, '1-autorise.png') });
    await modale.locator('button', { hasText: 'Logout' }).waitFor();
    await modale.locator('button', { hasText: 'Close' }).click();

    // Try it out on the head-counts of a school of Rennes.
    const operation = page.locator('.opblock', {
      has: page.locator('.opblock-summary-path', { hasText: /^\/api-ecole\/v1\/etablissements\/\{uai\}\/effectifs$/ }),
    });
    await operation.locator('.opblock-summary').first().click();
    await operation.locator('button.try-out__btn').click();
    await operation.locator('tr[data-param-name="uai"] input').fill(uaiEcoleRennes);
    // Swagger UI pre-fills optional parameters with their example; the school year defaults to the latest one.
    const annee = operation.locator('tr[data-param-name="anneeScolaire"] input');
    if (await annee.count()) await annee.fill('');
    const appel = page.waitForResponse((r) => r.url().includes(`/api-ecole/v1/etablissements/${uaiEcoleRennes}/effectifs`));
    await operation.locator('button.execute').click();
    const reponse = await appel;
    expect(reponse.request().headers().authorization).toMatch(/^Bearer /);
    expect([reponse.status(), reponse.status() === 200 ? '' : await reponse.text()]).toEqual([200, '']);
    const statutAffiche = operation.locator('.live-responses-table tbody .response-col_status').first();
    await statutAffiche.waitFor();
    expect((await statutAffiche.innerText()).trim()).toMatch(/^200/);
    const corps = await operation.locator('.live-responses-table tbody .response-col_description pre.microlight').first().innerText();
    expect(JSON.parse(corps)).toMatchObject({ uai: uaiEcoleRennes });
    await operation.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(DOSSIER_CAPTURES, '2-essai-200.png'), fullPage: false });
    // The Content-Security-Policy must not block Swagger UI's own scripts or the token call.
    expect(erreursConsole.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  }, 120_000);

  it('shows the catalogue as a readable page', async () => {
    await page.goto(`${serveur.url}/catalogue`);
    await page.locator('h1').waitFor();
    expect(await page.locator('h1').innerText()).toContain('Catalogue');
    expect(await page.locator('section h2').count()).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: path.join(DOSSIER_CAPTURES, '3-catalogue.png'), fullPage: false });
  }, 60_000);
});
