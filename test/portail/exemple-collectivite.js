// Client minimal de la passerelle APIsation — Node.js 20 ou plus, sans dépendance.
// Jeton mis en cache jusqu'à son expiration, pagination par curseur, ETag, erreurs problem+json.

class ErreurApisation extends Error {
  constructor(statut, probleme) {
    super(`${statut} ${probleme.code} : ${probleme.detail}`);
    this.statut = statut;
    this.code = probleme.code; // code stable du catalogue /problemes
    this.requestId = probleme.request_id; // à citer au support
  }
}

class ClientApisation {
  constructor({ base, clientId, secret, scope }) {
    this.base = base;
    this.identifiants = Buffer.from(`${clientId}:${secret}`).toString('base64');
    this.scope = scope;
    this.jetonEnCache = null;
  }

  // Un jeton par client, réutilisé jusqu'à 30 s avant son expiration (jamais un jeton par appel).
  async jeton() {
    if (this.jetonEnCache && Date.now() < this.jetonEnCache.expireLe) return this.jetonEnCache.valeur;
    const corps = new URLSearchParams({ grant_type: 'client_credentials', ...(this.scope ? { scope: this.scope } : {}) });
    const rep = await fetch(`${this.base}/oauth/token`, {
      method: 'POST',
      headers: { Authorization: `Basic ${this.identifiants}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: corps,
    });
    if (!rep.ok) throw new ErreurApisation(rep.status, await rep.json());
    const { access_token: valeur, expires_in: duree } = await rep.json();
    this.jetonEnCache = { valeur, expireLe: Date.now() + (duree - 30) * 1000 };
    return valeur;
  }

  // GET authentifié : un 401 (jeton révoqué ou expiré) renouvelle le jeton une fois ; un 429 attend Retry-After.
  async appeler(chemin, entetes = {}, essai = 0) {
    const rep = await fetch(`${this.base}${chemin}`, {
      headers: { Accept: 'application/json', ...entetes, Authorization: `Bearer ${await this.jeton()}` },
    });
    if (rep.status === 401 && essai === 0) {
      this.jetonEnCache = null;
      return this.appeler(chemin, entetes, 1);
    }
    if (rep.status === 429 && essai < 3) {
      await new Promise((ok) => setTimeout(ok, Number(rep.headers.get('Retry-After') ?? 1) * 1000));
      return this.appeler(chemin, entetes, essai + 1);
    }
    if (rep.status >= 400) throw new ErreurApisation(rep.status, await rep.json());
    return rep;
  }

  // Toutes les pages d'une liste : suivre curseur_suivant jusqu'à null ; rend aussi le dernier corps reçu.
  async toutesLesPages(chemin, cle) {
    const elements = [];
    let curseur = null;
    let page;
    do {
      const separateur = chemin.includes('?') ? '&' : '?';
      const url = curseur ? `${chemin}${separateur}curseur=${encodeURIComponent(curseur)}` : chemin;
      page = await (await this.appeler(url)).json();
      elements.push(...page[cle]);
      curseur = page.curseur_suivant;
    } while (curseur);
    return { elements, derniere: page };
  }

  // Relire une ressource seulement si elle a changé : If-None-Match avec l'ETag de la copie locale.
  async relire(chemin, copie) {
    const rep = await this.appeler(chemin, copie ? { 'If-None-Match': copie.etag } : {});
    if (rep.status === 304) return { ...copie, inchangee: true };
    return { etag: rep.headers.get('ETag'), donnees: await rep.json(), inchangee: false };
  }
}

module.exports = { ClientApisation, ErreurApisation };

// Exemple : `APISATION_URL=http://localhost:3000 node exemple-collectivite.js`
if (require.main === module) {
  (async () => {
    const client = new ClientApisation({
      base: process.env.APISATION_URL ?? 'http://localhost:3000',
      clientId: 'demo-mairie-rennes',
      secret: 'demo-secret-mairie-rennes',
    });
    const { elements: ecoles } = await client.toutesLesPages('/api-ecole/v1/etablissements?codeCommune=35238&type=ecole&limit=100', 'etablissements');
    console.log(`${ecoles.length} écoles à Rennes`);
    const liste = await client.toutesLesPages('/api-mairie/v1/communes/35238/enfants-soumis-obligation?limit=500', 'enfants');
    console.log(`${liste.elements.length} enfants ; jeton de synchronisation à garder : ${liste.derniere.jeton_synchronisation}`);
    const changements = await client.toutesLesPages(`/api-mairie/v1/communes/35238/enfants-soumis-obligation/changements?depuis=${encodeURIComponent(liste.derniere.jeton_synchronisation)}`, 'ajouts');
    console.log(`${changements.elements.length} ajouts depuis la dernière liste`);
  })().catch((e) => {
    console.error(e.message);
    process.exitCode = 1;
  });
}
