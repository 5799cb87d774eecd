/**
 * What the published contract says about the answers every controller shares: the problem
 * document (RFC 9457) and the response headers. Types only: tsoa reads them from the
 * `@Response` and `@SuccessResponse` decorators.
 */

/** Un paramètre refusé : son nom, jamais sa valeur. */
export interface ChampInvalide {
  /**
   * Nom du paramètre ou du champ (chemin pointé dans un corps JSON).
   * @example "codeInsee"
   */
  champ: string;
  /**
   * Pourquoi il est refusé.
   * @example "invalid string value"
   */
  message: string;
}

/**
 * Erreur au format RFC 9457 (`application/problem+json`) ; `code` renvoie au catalogue
 * `/problemes`. D'autres membres d'extension peuvent s'ajouter selon le code (par exemple
 * `scopes_requis`, `scopes_refuses`, `statut`).
 */
export interface ProblemeHttp {
  /**
   * Référence du problème dans le catalogue.
   * @example "/problemes#hors_territoire"
   */
  type: string;
  /** @example "Hors du territoire du destinataire" */
  title: string;
  /**
   * Statut HTTP, identique à celui de la réponse.
   * @isInt
   * @minimum 400
   * @maximum 599
   * @example 403
   */
  status: number;
  /** */
  detail: string;
  /**
   * Chemin de la requête, sans sa chaîne de requête.
   * @example "/api-mairie/v1/communes/35047/enfants-soumis-obligation"
   */
  instance?: string;
  /**
   * Code stable du catalogue /problemes.
   * @example "hors_territoire"
   */
  code: string;
  /**
   * Identifiant de la requête (aussi dans l'en-tête X-Request-Id), à citer au support.
   */
  request_id?: string;
  /** Pour `requete_invalide` : chaque paramètre refusé. */
  erreurs?: ChampInvalide[];
  /**
   * Sur /oauth/* : le code d'erreur OAuth 2 (RFC 6749 §5.2), égal à `code`.
   * @example "invalid_client"
   */
  error?: string;
  /** Sur /oauth/* : l'explication lisible de l'erreur OAuth 2. */
  error_description?: string;
  [extension: string]: unknown;
}

/**
 * Response headers, by situation. Decorators name one member (`Entetes['debit']`): tsoa lists
 * the members of an object type literal as headers, not those of an interface or a type alias,
 * and takes string values only (numbers are said in the description).
 */
export interface Entetes {
  /** A response counted by the rate limiter (src/http/limites.ts): 2xx, 304, and errors raised after it. */
  debit: {
    /** Entier : requêtes permises par seconde pour cette habilitation (pour cette adresse IP sur l'annuaire ouvert). */
    'RateLimit-Limit': string;
    /** Entier : requêtes encore permises dans la seconde en cours. */
    'RateLimit-Remaining': string;
    /** Entier : secondes avant que le compteur ne reparte de zéro (0 ou 1). */
    'RateLimit-Reset': string;
  };
  /** An error that may come before the request is counted (token in the URL, malformed path, refused scope). */
  debitEventuel: {
    /** Présent si la requête a été décomptée ; entier : requêtes permises par seconde. */
    'RateLimit-Limit'?: string;
    /** Présent si la requête a été décomptée ; entier : requêtes encore permises dans la seconde en cours. */
    'RateLimit-Remaining'?: string;
    /** Présent si la requête a été décomptée ; entier : secondes avant que le compteur ne reparte de zéro. */
    'RateLimit-Reset'?: string;
  };
  /** 429 of the rate limiter. */
  tropDeRequetes: {
    /** Entier : secondes à attendre avant de réessayer. */
    'Retry-After': string;
    /** Entier : requêtes permises par seconde. */
    'RateLimit-Limit': string;
    /** Toujours 0. */
    'RateLimit-Remaining': string;
    /** Entier : secondes avant que le compteur ne reparte de zéro (0 ou 1). */
    'RateLimit-Reset': string;
  };
  /** 429 after repeated failed client authentications on /oauth/*, and 503. */
  reessayer: {
    /** Entier : secondes à attendre avant de réessayer. */
    'Retry-After': string;
  };
  /** 401: the challenge of RFC 6750 (bearer token) or RFC 6749 §5.2 (client authentication on /oauth/*). */
  authentification: {
    /**
     * `Bearer realm="apisation"` suivi, pour un jeton refusé, de `error="invalid_token"` ; `Basic realm="apisation"` sur /oauth/*.
     * @example "Bearer realm=\"apisation\", error=\"invalid_token\""
     */
    'WWW-Authenticate': string;
  };
  /** 403 on a route without rate limit: the challenge accompanies a missing scope (RFC 6750 `insufficient_scope`). */
  refus: {
    /**
     * Présent quand le scope manque : `Bearer realm="apisation", error="insufficient_scope", scope="…"`.
     */
    'WWW-Authenticate'?: string;
  };
  /** 403 on a rate-limited route: a missing scope is refused before the request is counted, a territory after. */
  refusDecompte: {
    /**
     * Présent quand le scope manque : `Bearer realm="apisation", error="insufficient_scope", scope="…"`.
     */
    'WWW-Authenticate'?: string;
    /** Présent si la requête a été décomptée (refus hors territoire) ; entier : requêtes permises par seconde. */
    'RateLimit-Limit'?: string;
    /** Présent si la requête a été décomptée ; entier : requêtes encore permises dans la seconde en cours. */
    'RateLimit-Remaining'?: string;
    /** Présent si la requête a été décomptée ; entier : secondes avant que le compteur ne reparte de zéro. */
    'RateLimit-Reset'?: string;
  };
}
