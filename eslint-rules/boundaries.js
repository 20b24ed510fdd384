// Local ESLint rule: the design's dependency rules between folders (docs/architecture.md). Each zone
// names the folders it applies to and what they may not import: repo folders (relative imports are
// resolved against the importing file, so depth never fools it) and packages. Zones add up: a file
// in several zones obeys all of them.
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const posix = (p) => p.split(path.sep).join('/');
const within = (p, dir) => p === dir || p.startsWith(dir + '/');
const packageMatches = (source, pattern) =>
  pattern.endsWith('/*') ? source.startsWith(pattern.slice(0, -1)) : source === pattern || source.startsWith(pattern + '/');

/** The module specifier of an import-like node, if it is a plain string. */
function specifier(node) {
  const lit = (n) => (n && n.type === 'Literal' && typeof n.value === 'string' ? n.value : undefined);
  switch (node.type) {
    case 'ImportDeclaration':
    case 'ExportAllDeclaration':
    case 'ExportNamedDeclaration':
    case 'ImportExpression':
      return lit(node.source);
    case 'TSImportEqualsDeclaration':
      return node.moduleReference.type === 'TSExternalModuleReference' ? lit(node.moduleReference.expression) : undefined;
    case 'TSImportType':
      return lit(node.argument && node.argument.type === 'TSLiteralType' ? node.argument.literal : node.argument);
    case 'CallExpression':
      return node.callee.type === 'Identifier' && node.callee.name === 'require' ? lit(node.arguments[0]) : undefined;
    default:
      return undefined;
  }
}

module.exports = {
  meta: {
    type: 'problem',
    docs: { description: 'enforce the dependency rules between folders (docs/architecture.md)' },
    schema: [
      {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            from: { type: 'array', items: { type: 'string' } },
            except: { type: 'array', items: { type: 'string' } },
            allow: { type: 'array', items: { type: 'string' } },
            forbid: { type: 'array', items: { type: 'string' } },
            packages: { type: 'array', items: { type: 'string' } },
            message: { type: 'string' },
          },
          required: ['name', 'from', 'message'],
          additionalProperties: false,
        },
      },
    ],
  },
  create(context) {
    const file = posix(path.relative(ROOT, context.filename));
    const zones = (context.options[0] || []).filter(
      (z) => z.from.some((d) => within(file, d)) && !(z.except || []).some((d) => within(file, d)),
    );
    if (zones.length === 0) return {};

    function check(node) {
      const source = specifier(node);
      if (source === undefined) return;
      const relative = source.startsWith('.');
      const target = relative ? posix(path.relative(ROOT, path.resolve(path.dirname(context.filename), source))) : source;
      for (const z of zones) {
        const broken = relative
          ? (z.allow && !z.allow.some((d) => within(target, d))) || (z.forbid || []).some((d) => within(target, d))
          : (z.packages || []).some((p) => packageMatches(source, p));
        if (broken) context.report({ node, message: `[${z.name}] ${z.message} (imports "${source}")` });
      }
    }
    return {
      ImportDeclaration: check,
      ExportAllDeclaration: check,
      ExportNamedDeclaration: check,
      ImportExpression: check,
      TSImportEqualsDeclaration: check,
      TSImportType: check,
      CallExpression: check,
    };
  },
};
