import { Controller, Get, Response, Route, Tags } from '@tsoa/runtime';
import type { Contexte } from '../contexte';
import type { Entetes, ProblemeHttp } from '../http/contrat';
import { Probleme } from '../http/problemes';

export interface EtatSante {
  /** @example "ok" */
  statut: 'ok';
}

@Route('health')
@Tags('Supervision')
@Response<ProblemeHttp>(400, "Jeton transmis dans l'URL (access_token) : refusé")
export class SanteController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  /**
   * Vivacité : le processus répond.
   * @summary Vivacité du processus
   */
  @Get()
  public async vivacite(): Promise<EtatSante> {
    return { statut: 'ok' };
  }

  /**
   * Disponibilité : la base de données répond. 503 sinon.
   * @summary Disponibilité de la base de données
   */
  @Get('ready')
  @Response<ProblemeHttp, Entetes['reessayer']>(503, 'La base de données ne répond pas')
  public async disponibilite(): Promise<EtatSante> {
    try {
      await this.ctx.db.raw('select 1');
    } catch {
      throw new Probleme('service_indisponible', undefined, {}, { 'Retry-After': '5' });
    }
    return { statut: 'ok' };
  }
}
