import fs from 'node:fs';
import path from 'node:path';

/** The repository root, whether running from src/ (ts-jest, tsx) or from dist/src/ (compiled). */
export const RACINE = [path.join(__dirname, '..'), path.join(__dirname, '..', '..')].find((d) => fs.existsSync(path.join(d, 'package.json')))!;
