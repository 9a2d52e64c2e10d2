import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { CRM_GATEWAY_SCOPES, PORTAL_SCHEMA_SCOPES, clientCallRule, type HubSpotCall, type ScopeRule } from '../../src/project/required-scopes';

/**
 * Finds every HubSpot call the service and the scripts make, from their source (TypeScript's
 * parser, no type checker): calls of the gateways' public methods and direct `client.crm.…` calls.
 * Each call's object-type arguments are resolved to the types they can hold:
 *   - a string literal ('deals', 'tasks') is itself;
 *   - an expression naming a custom object's type id (types.scope, deps.types.contract,
 *     contractType, …) is `custom`;
 *   - provisioning's typeOf(…)/resolve(…) of a label's end (`….from`, `….to`) can be any end a
 *     modelled label has; of anything else, any type the model provisions properties on;
 *   - a parameter of the enclosing function is followed to every call of that function (any
 *     depth, any file), so helpers such as searchAll(gateway, objectType, …) need no listing.
 * Anything else is reported as unresolved: a new call never slips past the scope check.
 */

export interface FoundCall extends HubSpotCall {
  where: string;
  what: string;
}

export interface Unresolved {
  where: string;
  what: string;
  argument: string;
}

const CUSTOM_TYPE = /(^|\.)(scope|contract|customerStatus|changeOrder|commitment|commitmentType|contractType|scopeType|customerStatusType)$/;
/** A delivery source's configured object type (schemas/delivery-health.json): its type when enabled, else none. */
const SOURCE_TYPE = /(^|\.)(tickets|invoices|projects)\.objectType$/;
const MODEL_TYPE = /^(typeOf|resolve)\((.*)\)$/;
const LABEL_END = /(^|\.)(from|to)$/;

/** What provisioning's typeOf()/resolve() can name: objects with properties, and label ends. */
export interface ModelTypes {
  objects: string[];
  labelEnds: string[];
  /** Delivery sources → the object types they read (empty when switched off). */
  sources: Record<string, string[]>;
}
const GATEWAY_RECEIVER = /(^|\.)(gateway|gw)$/i;
const PORTAL_RECEIVER = /(^|\.)(gateway|reader|writer|provisioning)$/i;
/** Method names only the gateways have: a call of one with another receiver is reported. */
const DISTINCT_METHODS = new Set<string>(
  [...Object.keys(CRM_GATEWAY_SCOPES), ...Object.keys(PORTAL_SCHEMA_SCOPES)].filter(
    (m) => !['create', 'update', 'search', 'associate', 'pipelines', 'owners'].includes(m),
  ),
);

export function sourceFiles(root: string, dirs: string[], skip: RegExp): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (name === 'node_modules' || skip.test(relative(root, path))) continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|mts|cts)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
    }
  };
  for (const d of dirs) walk(join(root, d));
  return out.sort();
}

interface Site {
  node: ts.CallExpression;
  source: ts.SourceFile;
  where: string;
}

type FunctionLike = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration;

function functionName(fn: FunctionLike): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
  if (ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)) return fn.parent.name.text;
  return undefined;
}

/** The function whose parameter `name` is, and that parameter's position. */
function parameterOf(node: ts.Node, name: string): { fn: string; index: number } | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isFunctionDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isMethodDeclaration(n)) {
      const index = n.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === name);
      if (index >= 0) {
        const fn = functionName(n);
        return fn ? { fn, index } : undefined;
      }
    }
  }
  return undefined;
}

export function scanHubSpotCalls(root: string, files: string[], modelTypes: ModelTypes): { calls: FoundCall[]; unresolved: Unresolved[] } {
  const sinks: Array<{ site: Site; what: string; rule: ScopeRule }> = [];
  const callsByName = new Map<string, Site[]>();
  const unresolved: Unresolved[] = [];

  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node)) {
        const site: Site = { node, source, where: `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}` };
        const callee = node.expression;
        if (ts.isIdentifier(callee)) {
          callsByName.set(callee.text, [...(callsByName.get(callee.text) ?? []), site]);
        } else if (ts.isPropertyAccessExpression(callee)) {
          const method = callee.name.text;
          const receiver = callee.expression.getText(source).replace(/[\s!]/g, '');
          const what = `${receiver}.${method}`;
          const client = /(^|\.)crm\.([\w.]+)$/.exec(receiver);
          if (client) {
            const rule = clientCallRule(client[2]!, method);
            if (rule) sinks.push({ site, what, rule });
            else unresolved.push({ where: site.where, what, argument: '(no scope rule for this client API in src/project/required-scopes.ts)' });
          } else if (method in CRM_GATEWAY_SCOPES && GATEWAY_RECEIVER.test(receiver)) {
            sinks.push({ site, what, rule: CRM_GATEWAY_SCOPES[method as keyof typeof CRM_GATEWAY_SCOPES] });
          } else if (method in PORTAL_SCHEMA_SCOPES && PORTAL_RECEIVER.test(receiver)) {
            sinks.push({ site, what, rule: PORTAL_SCHEMA_SCOPES[method as keyof typeof PORTAL_SCHEMA_SCOPES] });
          } else if (DISTINCT_METHODS.has(method)) {
            unresolved.push({ where: site.where, what, argument: '(receiver not recognised as a gateway)' });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }

  /** The object types argument `index` of a call can hold; undefined when it cannot be told. */
  const resolve = (site: Site, index: number, seen: Set<string>): { types: string[] } | { failed: string } => {
    const arg = site.node.arguments[index];
    if (!arg) return { failed: '(missing)' };
    const text = arg.getText(site.source).replace(/[\s!]/g, '');
    if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return { types: [arg.text] };
    if (CUSTOM_TYPE.test(text)) return { types: ['custom'] };
    const source = SOURCE_TYPE.exec(text);
    if (source) return { types: modelTypes.sources[source[2]!] ?? [] };
    const named = MODEL_TYPE.exec(text);
    if (named) return { types: LABEL_END.test(named[2]!) ? modelTypes.labelEnds : modelTypes.objects };
    if (ts.isIdentifier(arg)) {
      const param = parameterOf(site.node, arg.text);
      if (param) {
        const key = `${param.fn}#${param.index}`;
        if (seen.has(key)) return { types: [] };
        const callers = callsByName.get(param.fn) ?? [];
        if (!callers.length) return { failed: `${text} (parameter of ${param.fn}, which is never called)` };
        const types = new Set<string>();
        for (const caller of callers) {
          const r = resolve(caller, param.index, new Set([...seen, key]));
          if ('failed' in r) return { failed: `${r.failed} via ${caller.where}` };
          r.types.forEach((t) => types.add(t));
        }
        return { types: [...types] };
      }
    }
    return { failed: text };
  };

  const calls: FoundCall[] = [];
  for (const { site, what, rule } of sinks) {
    const objectTypes: string[][] = [];
    let ok = true;
    for (const position of rule.objectArgs) {
      const r = resolve(site, position, new Set());
      if ('failed' in r) {
        unresolved.push({ where: site.where, what, argument: r.failed });
        ok = false;
        break;
      }
      objectTypes.push(r.types);
    }
    if (ok) calls.push({ where: site.where, what, rule, objectTypes });
  }
  return { calls, unresolved };
}
