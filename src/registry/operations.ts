import donnees from './data/operations.json';

/** What an operation's response carries: personal data (masked, journaled), aggregates (masked), or neither. */
export type NatureDivulgation = 'personnelles' | 'agregats' | 'aucune';

/** One operation of the contract as the registry describes it (data/operations.json, keyed by operationId). */
export interface OperationRegistre {
  operation: string;
  /** The API of the catalogue (apis.json) or the gateway area it belongs to. */
  api: string;
  /** A token is required; `scopes` empty then means any valid token. */
  jeton: boolean;
  /** Scopes that open it, any one sufficing, by decreasing breadth. */
  scopes: string[];
  /** Only the broadest scope held applies (API mairie: obligation scolaire over restauration). */
  exclusif?: boolean;
  divulgation: NatureDivulgation;
}

export const OPERATIONS: ReadonlyMap<string, OperationRegistre> = new Map((donnees as OperationRegistre[]).map((o) => [o.operation, o]));

/** The registry's entry of an operation; an operationId it does not know is a programming error. */
export function operationDuRegistre(operationId: string): OperationRegistre {
  const operation = OPERATIONS.get(operationId);
  if (!operation) throw new TypeError(`Opération absente de src/registry/data/operations.json : ${operationId}`);
  return operation;
}
