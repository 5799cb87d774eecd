import { Controller, Get, Route, Tags } from '@tsoa/runtime';
import type { Contexte } from '../contexte';
import { Probleme } from '../http/problemes';

export interface EtatSante {
  /** @example "ok" */
  statut: 'ok';
}

@Route('health')
@Tags('Supervision')
export class SanteController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  /** Vivacité : le processus répond. */
  @Get()
  public async vivacite(): Promise<EtatSante> {
    return { statut: 'ok' };
  }

  /** Disponibilité : la base de données répond. 503 sinon. */
  @Get('ready')
  public async disponibilite(): Promise<EtatSante> {
    try {
      await this.ctx.db.raw('select 1');
    } catch {
      throw new Probleme('service_indisponible');
    }
    return { statut: 'ok' };
  }
}
