import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/**
 * Finds every error code the libraries can answer with, by parsing their source (no imports, no type
 * checker: fast, and blind to nothing a module's side effects would hide). See docs/adr/0015.
 *
 * A code is found where it is written:
 * - an error class's `code` property: a string literal, or a union of literals (inline or a type alias);
 * - a class whose `code` is any string (ForbiddenError, RateLimitedError, ...): its default, and the
 *   literals given at `new X(...)` and at `super(...)` of a subclass;
 * - a `code: 'a.b'` member of an object literal (rate-limit policies, HttpException bodies, socket payloads)
 *   and `problem(status, 'a.b')` in the HTTP layer. These are checked for their form only: no class owns them.
 */

/** Cross-cutting platform codes start with one of these areas; clients already branch on them. */
export const PLATFORM_AREAS = ['auth', 'http', 'validation', 'search', 'socket'] as const;

const SEGMENT = '[a-z][a-z0-9]*(?:-[a-z0-9]+)*';
const CONTEXT_CODE = new RegExp(`^${SEGMENT}\\.${SEGMENT}\\.${SEGMENT}$`);
const PLATFORM_CODE = new RegExp(`^(?:${PLATFORM_AREAS.join('|')})(?:\\.${SEGMENT}){1,2}$`);

export interface SourceFile {
  /** Relative to the repository root, `libs/<lib>/src/...`. */
  path: string;
  text: string;
}

export interface FoundCode {
  code: string;
  /** The library the literal is written in. */
  lib: string;
  /** `path:line`. */
  where: string;
  /** The error class it belongs to (`path#Name`), absent for a loose code. */
  owner?: string;
}

export interface CodeProblem {
  code: string;
  /** The library it is written in (for a duplicate: where the first class using it lives). */
  lib: string;
  problem: 'form' | 'duplicate';
  message: string;
}

interface ErrorClass {
  id: string;
  name: string;
  base?: string;
  /** Literal codes fixed by the class itself. */
  codes: FoundCode[];
  /** Position of a `code: string` constructor parameter, when callers choose the code. */
  codeParameter?: number;
  /** Arguments of `super(...)` in its constructor, to resolve codes a subclass passes up. */
  superArguments?: { args: ts.NodeArray<ts.Expression>; file: SourceFile; source: ts.SourceFile };
}

/** Every non-test TypeScript file under libs/<lib>/src. */
export function readLibrarySources(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (
        /\.ts$/.test(entry.name) &&
        !/\.(spec|int-spec|e2e-spec|contract)\.ts$/.test(entry.name) &&
        !entry.name.endsWith('.d.ts')
      ) {
        files.push({ path: relative(root, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
      }
    }
  };
  for (const lib of readdirSync(join(root, 'libs'), { withFileTypes: true })) {
    if (lib.isDirectory()) walk(join(root, 'libs', lib.name, 'src'));
  }
  return files;
}

export function findErrorCodes(files: SourceFile[]): FoundCode[] {
  const parsed = files.map((file) => ({
    file,
    source: ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true),
  }));
  const typeAliases = new Map<string, ts.TypeNode>();
  for (const { source } of parsed) {
    source.forEachChild(function visit(node): void {
      if (ts.isTypeAliasDeclaration(node)) typeAliases.set(node.name.text, node.type);
      node.forEachChild(visit);
    });
  }
  const literalsOfType = (type: ts.TypeNode | undefined): string[] | undefined => {
    if (!type) return undefined;
    if (ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal)) return [type.literal.text];
    if (ts.isUnionTypeNode(type)) {
      const parts = type.types.map(literalsOfType);
      return parts.every((p): p is string[] => p !== undefined) ? parts.flat() : undefined;
    }
    if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName))
      return literalsOfType(typeAliases.get(type.typeName.text));
    return undefined;
  };

  const classes = new Map<string, ErrorClass[]>();
  const news: { name: string; args: ts.NodeArray<ts.Expression>; file: SourceFile; source: ts.SourceFile }[] = [];
  const loose: FoundCode[] = [];

  for (const { file, source } of parsed) {
    const lib = libOf(file.path);
    const found = (code: string, node: ts.Node, owner?: string): FoundCode => ({
      code,
      lib,
      where: `${file.path}:${line(source, node)}`,
      owner,
    });

    source.forEachChild(function visit(node): void {
      if (ts.isClassDeclaration(node) && node.name) {
        const id = `${file.path}#${node.name.text}`;
        const base = node.heritageClauses
          ?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)
          ?.types[0]?.expression.getText(source);
        const errorClass: ErrorClass = { id, name: node.name.text, base, codes: [] };
        for (const member of node.members) {
          if (ts.isPropertyDeclaration(member) && member.name.getText(source) === 'code') {
            if (member.initializer && ts.isStringLiteralLike(member.initializer))
              errorClass.codes.push(found(member.initializer.text, member, id));
            else for (const code of literalsOfType(member.type) ?? []) errorClass.codes.push(found(code, member, id));
          }
          if (ts.isConstructorDeclaration(member)) {
            member.parameters.forEach((parameter, position) => {
              if (parameter.name.getText(source) !== 'code' || !ts.getModifiers(parameter)?.length) return;
              const literals = literalsOfType(parameter.type);
              if (literals) for (const code of literals) errorClass.codes.push(found(code, parameter, id));
              else errorClass.codeParameter = position;
              if (parameter.initializer && ts.isStringLiteralLike(parameter.initializer))
                errorClass.codes.push(found(parameter.initializer.text, parameter, id));
            });
            member.body?.forEachChild(function findSuper(child): void {
              if (ts.isCallExpression(child) && child.expression.kind === ts.SyntaxKind.SuperKeyword)
                errorClass.superArguments = { args: child.arguments, file, source };
              child.forEachChild(findSuper);
            });
          }
        }
        classes.set(errorClass.name, [...(classes.get(errorClass.name) ?? []), errorClass]);
      }
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.arguments) {
        news.push({ name: node.expression.text, args: node.arguments, file, source });
      }
      if (
        ts.isPropertyAssignment(node) &&
        node.name.getText(source) === 'code' &&
        ts.isStringLiteralLike(node.initializer) &&
        node.initializer.text.includes('.')
      ) {
        loose.push(found(node.initializer.text, node));
      }
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'problem') {
        const code = node.arguments[1];
        if (code && ts.isStringLiteralLike(code)) loose.push(found(code.text, code));
      }
      node.forEachChild(visit);
    });
  }

  const isErrorClass = (errorClass: ErrorClass, seen = new Set<string>()): boolean => {
    const base = errorClass.base;
    if (!base || seen.has(errorClass.id)) return false;
    if (base === 'Error' || base === 'DomainError' || /(Error|Exception)$/.test(base)) return true;
    seen.add(errorClass.id);
    return (classes.get(base) ?? []).some((parent) => isErrorClass(parent, seen));
  };
  /** The class (or its nearest ancestor) that lets callers choose the code, and at which argument. */
  const codeParameterOf = (name: string): number | undefined => {
    for (const candidate of classes.get(name) ?? []) {
      if (candidate.codeParameter !== undefined) return candidate.codeParameter;
    }
    return undefined;
  };
  const literalsIn = (expression: ts.Expression | undefined): ts.StringLiteralLike[] => {
    const literals: ts.StringLiteralLike[] = [];
    expression?.forEachChild(function collect(node): void {
      if (ts.isStringLiteralLike(node)) literals.push(node);
      node.forEachChild(collect);
    });
    if (expression && ts.isStringLiteralLike(expression)) literals.push(expression);
    return literals;
  };

  const codes: FoundCode[] = [];
  for (const errorClass of [...classes.values()].flat()) {
    if (!isErrorClass(errorClass)) continue;
    codes.push(...errorClass.codes);
    // A subclass choosing its base's code in `super('a.b.c', ...)` owns that code.
    const position = errorClass.base && errorClass.codes.length === 0 ? codeParameterOf(errorClass.base) : undefined;
    if (position !== undefined && errorClass.superArguments) {
      const { args, file, source } = errorClass.superArguments;
      for (const literal of literalsIn(args[position])) {
        codes.push({
          code: literal.text,
          lib: libOf(file.path),
          where: `${file.path}:${line(source, literal)}`,
          owner: errorClass.id,
        });
      }
    }
  }
  for (const { name, args, file, source } of news) {
    const position = codeParameterOf(name);
    const owner = (classes.get(name) ?? []).find((candidate) => isErrorClass(candidate));
    if (position === undefined || !owner) continue;
    for (const literal of literalsIn(args[position])) {
      codes.push({
        code: literal.text,
        lib: libOf(file.path),
        where: `${file.path}:${line(source, literal)}`,
        owner: owner.id,
      });
    }
  }
  return [...codes, ...loose];
}

/** Codes of the wrong form, and codes two different error classes use. */
export function checkErrorCodes(found: FoundCode[]): CodeProblem[] {
  const problems: CodeProblem[] = [];
  const reported = new Set<string>();
  for (const { code, lib, where } of found) {
    const key = `${code}@${lib}`;
    if (reported.has(key)) continue;
    const fits = lib === 'platform' ? PLATFORM_CODE.test(code) : CONTEXT_CODE.test(code) && code.startsWith(`${lib}.`);
    if (!fits) {
      reported.add(key);
      const expected =
        lib === 'platform' ? `<${PLATFORM_AREAS.join('|')}>.<subject>.<reason>` : `${lib}.<subject>.<reason>`;
      problems.push({ code, lib, problem: 'form', message: `${code} (${where}) should read ${expected}, kebab-case` });
    }
  }
  const owners = new Map<string, Set<string>>();
  for (const { code, owner } of found) if (owner) owners.set(code, (owners.get(code) ?? new Set()).add(owner));
  for (const [code, classes] of owners) {
    const names = [...classes].sort();
    if (names.length > 1)
      problems.push({
        code,
        lib: libOf(names[0]),
        problem: 'duplicate',
        message: `${code} is used by ${names.join(' and ')}`,
      });
  }
  return problems;
}

function libOf(path: string): string {
  const match = /^libs\/([^/]+)\//.exec(path);
  if (!match) throw new Error(`${path} is not under libs/<lib>/`);
  return match[1];
}

function line(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}
