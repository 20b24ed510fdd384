/**
 * The X-Device-Info value tables (spec §6.3) live in three places on purpose: the app sends values
 * (src/platform/deviceInfo.ts), the emulator judges them (emulator/src/adobe/request.ts) and the
 * conformance checker grades them (conformance/spec/device-info.ts), so that no part can vouch for
 * itself. This test keeps the three copies equal: the tables are read from the sources (TypeScript
 * AST, no import of private constants), then each checker is probed with the app's values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { ALLOWED, REQUIRED_KEYS } from '../../src/platform/deviceInfo';
import { deviceInfoProblem } from '../../emulator/src/adobe/request';
import { deviceInfoProblems } from '../../conformance/spec/device-info';

const ROOT = join(__dirname, '..', '..');

/** The string-array literal(s) bound to `name` in `file`: an object of arrays, or one array. */
function literal(file: string, name: string): unknown {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.ES2020, true);
  let found: unknown;
  const strings = (node: ts.Expression): string[] => {
    if (!ts.isArrayLiteralExpression(node)) throw new Error(`${file} ${name}: not an array literal`);
    return node.elements.map((e) => {
      if (!ts.isStringLiteral(e)) throw new Error(`${file} ${name}: not a string literal`);
      return e.text;
    });
  };
  const unwrap = (node: ts.Expression): ts.Expression =>
    ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node) ? unwrap(node.expression) : node;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name && node.initializer) {
      const init = unwrap(node.initializer);
      if (ts.isArrayLiteralExpression(init)) found = strings(init);
      else if (ts.isObjectLiteralExpression(init)) {
        const table: Record<string, string[]> = {};
        for (const p of init.properties) {
          if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name)) throw new Error(`${file} ${name}: unexpected member`);
          table[p.name.text] = strings(unwrap(p.initializer));
        }
        found = table;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (found === undefined) throw new Error(`${file}: no literal named ${name}`);
  return found;
}

const app = { restricted: literal('src/platform/deviceInfo.ts', 'ALLOWED'), required: literal('src/platform/deviceInfo.ts', 'REQUIRED_KEYS') };
const emulator = {
  restricted: literal('emulator/src/adobe/request.ts', 'RESTRICTED'),
  required: literal('emulator/src/adobe/request.ts', 'REQUIRED_INFO_KEYS'),
};
const conformance = {
  restricted: literal('conformance/spec/device-info.ts', 'RESTRICTED'),
  required: literal('conformance/spec/device-info.ts', 'REQUIRED'),
};

const base: Record<string, unknown> = { model: 'M', version: '1', osName: 'webOS', osVersion: '6', connectionType: 'wifi' };
const encode = (info: Record<string, unknown>) => Buffer.from(JSON.stringify(info), 'utf8').toString('base64');

describe('the three X-Device-Info tables agree', () => {
  test('the source extraction reads what the app exports', () => {
    expect(app.restricted).toEqual(ALLOWED);
    expect(app.required).toEqual([...REQUIRED_KEYS]);
  });

  test('emulator: same restricted keys, same values (same order), same required keys', () => {
    expect(emulator.restricted).toEqual(app.restricted);
    expect(emulator.required).toEqual(app.required);
  });

  test('conformance: same restricted keys, same values (same order), same required keys', () => {
    expect(conformance.restricted).toEqual(app.restricted);
    expect(conformance.required).toEqual(app.required);
  });

  test('both checkers accept every value the app may send, and refuse one it never sends', () => {
    for (const [key, values] of Object.entries(ALLOWED)) {
      for (const value of values) {
        const info = { ...base, [key]: value };
        expect([key, value, deviceInfoProblem(info, true)]).toEqual([key, value, null]);
        expect([key, value, deviceInfoProblems(encode(info))]).toEqual([key, value, []]);
      }
      const wrong = { ...base, [key]: 'Not A Documented Value' };
      expect(deviceInfoProblem(wrong, true)).not.toBeNull();
      expect(deviceInfoProblems(encode(wrong))).not.toEqual([]);
    }
    for (const key of REQUIRED_KEYS) {
      const missing = { ...base, [key]: undefined };
      expect(deviceInfoProblem(missing, true)).toBe(`missing ${key}`);
      expect(deviceInfoProblems(encode(missing))).toContain(`missing ${key}`);
    }
  });
});
