import fs from 'node:fs';
import path from 'node:path';
import apis from '../../src/registry/data/apis.json';
import scopes from '../../src/registry/data/scopes.json';
import { OPERATIONS, operationDuRegistre } from '../../src/registry/operations';

/**
 * Scopes per operation are registry data (operations.json); the @Security decorators put them in
 * the generated contract. The two must never disagree: every operation listed, none extra, same scopes.
 */

interface OperationSpec {
  operationId: string;
  security?: Array<Record<string, string[]>>;
}

const spec = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'openapi', 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, OperationSpec>>;
};
const duContrat = new Map(Object.values(spec.paths).flatMap((methodes) => Object.values(methodes).map((op) => [op.operationId, op.security ?? []] as const)));

/** What the registry says, written as the contract writes it: one alternative per scope, or any token, or none. */
function securiteAttendue(operationId: string): Array<Record<string, string[]>> {
  const o = operationDuRegistre(operationId);
  if (!o.jeton) return [];
  return o.scopes.length === 0 ? [{ oauth2: [] }] : o.scopes.map((s) => ({ oauth2: [s] }));
}

describe('operations.json et le contrat', () => {
  it('lists every operation of the contract, and no other', () => {
    expect([...OPERATIONS.keys()].sort()).toEqual([...duContrat.keys()].sort());
    expect(OPERATIONS.size).toBeGreaterThan(40);
  });

  it.each([...duContrat.keys()])('%s: the scopes that open it are the contract’s @Security', (operationId) => {
    expect(duContrat.get(operationId)).toEqual(securiteAttendue(operationId));
  });

  it('names only known scopes, and a catalogue API for every operation that discloses data', () => {
    const codes = new Set(scopes.map((s) => s.code));
    const ids = new Set(apis.map((a) => a.id));
    for (const o of OPERATIONS.values()) {
      for (const s of o.scopes) expect(codes).toContain(s);
      if (o.divulgation !== 'aucune') expect(ids).toContain(o.api);
      if (o.exclusif) expect(o.scopes.length).toBeGreaterThan(1);
    }
  });

  it('says personal data exactly where a personal-data scope opens the operation', () => {
    const personnels = new Set(scopes.filter((s) => s.donnees_personnelles).map((s) => s.code));
    for (const o of OPERATIONS.values()) {
      expect([o.operation, o.divulgation === 'personnelles']).toEqual([o.operation, o.scopes.some((s) => personnels.has(s))]);
    }
  });
});
