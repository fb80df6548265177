// The formula language of custom metrics (spec section 3): parsed into a tree and walked, never eval'ed.

export type FormulaNode =
  | { kind: 'number'; value: number }
  | { kind: 'metric'; id: string; position: number }
  | { kind: 'unary'; op: '-'; operand: FormulaNode }
  | {
      kind: 'binary';
      op: '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '==' | '!=';
      left: FormulaNode;
      right: FormulaNode;
    }
  | { kind: 'call'; name: 'min' | 'max' | 'if'; args: FormulaNode[] };

/**
 * `position` is the 0-based character offset in the formula text; `expected` names what the parser
 * wanted there (a code a UI can word in its own language), `params` the text or count involved.
 */
export type FormulaError = {
  position: number;
  message: string;
  expected: FormulaExpected;
  params?: Record<string, string | number>;
};

export type FormulaExpected =
  | 'shorter' // longer than the limit
  | 'operand' // a number, a metric or '(' (also: the formula is empty)
  | 'known_character'
  | 'ascii' // a full-width character typed by a Chinese input method
  | 'double_equals' // '=' where '==' compares
  | 'leading_digit' // '.5'
  | 'digit' // '1.'
  | 'one_point' // '1.2.3'
  | 'shallower' // nested too deep
  | 'close_paren' // missing ')'
  | 'open_paren' // a ')' without its '('
  | 'function_comma' // ',' outside min/max/if
  | 'no_chain' // a < b < c
  | 'operator' // missing operator before a token
  | 'lowercase'
  | 'letter'
  | 'function' // unknown function name
  | 'arguments'; // wrong number of arguments
export type ParseResult = { ok: true; ast: FormulaNode } | { ok: false; error: FormulaError };

/** Depth counts parentheses, function calls and unary minus; chains like `a + b + c` are loops, not nesting. */
export const FORMULA_LIMITS: Readonly<{ maxLength: number; maxDepth: number }> = { maxLength: 500, maxDepth: 32 };

type Arithmetic = '+' | '-' | '*' | '/';
type Comparison = '<' | '<=' | '>' | '>=' | '==' | '!=';
type Token = { kind: 'number' | 'name' | 'op' | '(' | ')' | ',' | 'end'; text: string; position: number };

class FormulaSyntaxError extends Error {
  constructor(
    readonly position: number,
    message: string,
    readonly expected: FormulaExpected,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
  }
}

function fail(
  position: number,
  message: string,
  expected: FormulaExpected,
  params?: Record<string, string | number>,
): never {
  throw new FormulaSyntaxError(position, message, expected, params);
}

export function parseFormula(text: string): ParseResult {
  const { maxLength } = FORMULA_LIMITS;
  try {
    // Before anything else, so a huge paste costs nothing.
    if (text.length > maxLength)
      fail(maxLength, `formula is longer than ${maxLength} characters`, 'shorter', { max: maxLength });
    const tokens = tokenize(text);
    if (tokens.length === 1) fail(0, 'formula is empty', 'operand');
    return { ok: true, ast: parseTokens(tokens) };
  } catch (error) {
    if (error instanceof FormulaSyntaxError) {
      const { position, message, expected, params } = error;
      return { ok: false, error: { position, message, expected, ...(params ? { params } : {}) } };
    }
    throw error;
  }
}

const COMPARISONS: readonly Comparison[] = ['<=', '>=', '==', '!=', '<', '>']; // two-character ones first

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    const start = i;
    if (/\s/.test(ch)) {
      i++; // \s covers the full-width space U+3000 too
      continue;
    }
    if (/[0-9]/.test(ch)) {
      i = scanNumber(text, i);
      tokens.push({ kind: 'number', text: text.slice(start, i), position: start });
    } else if (/[A-Za-z_]/.test(ch)) {
      while (/[A-Za-z0-9_]/.test(text.charAt(i))) i++;
      tokens.push({ kind: 'name', text: text.slice(start, i), position: start });
    } else if ('(),'.includes(ch)) {
      tokens.push({ kind: ch as '(' | ')' | ',', text: ch, position: start });
      i++;
    } else {
      const op = '+-*/'.includes(ch) ? ch : COMPARISONS.find((c) => text.startsWith(c, i));
      if (op === undefined) unexpectedCharacter(start, ch);
      tokens.push({ kind: 'op', text: op, position: start });
      i += op.length;
    }
  }
  tokens.push({ kind: 'end', text: '', position: text.length });
  return tokens;
}

function scanNumber(text: string, start: number): number {
  let i = start;
  while (/[0-9]/.test(text.charAt(i))) i++;
  if (text.charAt(i) === '.') {
    if (!/[0-9]/.test(text.charAt(i + 1))) fail(i, 'a decimal point must be followed by digits', 'digit');
    i++;
    while (/[0-9]/.test(text.charAt(i))) i++;
  }
  if (text.charAt(i) === '.') {
    const literal = /^[0-9.]*/.exec(text.slice(start))?.[0];
    fail(i, `invalid number '${literal}': a number has at most one decimal point`, 'one_point', {
      found: literal ?? '',
    });
  }
  return i;
}

function unexpectedCharacter(position: number, ch: string): never {
  if (ch === '=') fail(position, "unexpected character '='; use '==' to compare", 'double_equals');
  if (ch === '.') fail(position, "unexpected character '.'; a number starts with a digit, as in 0.5", 'leading_digit');
  // Full-width punctuation (（ ） ， ＋) is what a Chinese input method types; name the ASCII one.
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) {
    const ascii = String.fromCharCode(code - 0xfee0);
    fail(position, `unexpected character '${ch}'; use '${ascii}' instead`, 'ascii', { found: ch, suggestion: ascii });
  }
  return fail(position, `unexpected character '${ch}'`, 'known_character', { found: ch });
}

const FUNCTIONS = ['min', 'max', 'if'] as const;
type FunctionName = (typeof FUNCTIONS)[number];
const isFunctionName = (name: string): name is FunctionName => (FUNCTIONS as readonly string[]).includes(name);

// Recursive descent where only parentheses, calls and unary minus recurse, each through `enter`,
// so the call stack stays within a small multiple of maxDepth whatever the input.
function parseTokens(tokens: Token[]): FormulaNode {
  let index = 0;
  const end = tokens[tokens.length - 1] as Token;
  const peek = (): Token => tokens[index] ?? end;
  const next = (): Token => tokens[index++] ?? end;
  const isOp = (token: Token, ops: readonly string[]) => token.kind === 'op' && ops.includes(token.text);

  const enter = (depth: number, token: Token): number =>
    depth < FORMULA_LIMITS.maxDepth
      ? depth + 1
      : fail(token.position, `formula is nested deeper than ${FORMULA_LIMITS.maxDepth} levels`, 'shallower', {
          max: FORMULA_LIMITS.maxDepth,
        });

  // What may follow a complete operand when the operators are exhausted, at top level or inside ( ).
  const failAfterOperand = (token: Token): never => {
    if (token.kind === 'end') fail(token.position, "missing ')'", 'close_paren');
    if (token.kind === ')') fail(token.position, "unmatched ')'", 'open_paren');
    if (token.kind === ',')
      fail(token.position, "',' only separates the arguments of min, max or if", 'function_comma');
    if (token.kind === 'op') fail(token.position, 'comparisons cannot be chained; use if(...)', 'no_chain');
    return fail(token.position, `missing operator before '${token.text}'`, 'operator', { found: token.text });
  };

  const expression = (depth: number): FormulaNode => {
    const left = additive(depth);
    const token = peek();
    if (!isOp(token, COMPARISONS)) return left;
    index++;
    return { kind: 'binary', op: token.text as Comparison, left, right: additive(depth) };
  };

  // A left-associative run of one precedence level is a loop: `a + b + c` adds no depth.
  const chain =
    (ops: readonly Arithmetic[], operand: (depth: number) => FormulaNode) =>
    (depth: number): FormulaNode => {
      let node = operand(depth);
      while (isOp(peek(), ops)) {
        node = { kind: 'binary', op: next().text as Arithmetic, left: node, right: operand(depth) };
      }
      return node;
    };
  const term = chain(['*', '/'], (depth) => unary(depth));
  const additive = chain(['+', '-'], term);

  const unary = (depth: number): FormulaNode => {
    const token = peek();
    if (!isOp(token, ['-'])) return primary(depth);
    index++;
    return { kind: 'unary', op: '-', operand: unary(enter(depth, token)) };
  };

  const primary = (depth: number): FormulaNode => {
    const token = next();
    switch (token.kind) {
      case 'number':
        return { kind: 'number', value: Number(token.text) };
      case 'name':
        return peek().kind === '(' ? call(token, depth) : metric(token);
      case '(': {
        const inner = expression(enter(depth, token));
        if (peek().kind !== ')') failAfterOperand(peek());
        index++;
        return inner;
      }
      case 'end':
        return fail(token.position, "unexpected end of formula; expected a number, a metric or '('", 'operand');
      default:
        return fail(token.position, `expected a number, a metric or '(' but found '${token.text}'`, 'operand', {
          found: token.text,
        });
    }
  };

  const metric = (token: Token): FormulaNode => {
    const id = token.text;
    if (/[A-Z]/.test(id))
      fail(token.position, `metric ids are lowercase: write '${id.toLowerCase()}'`, 'lowercase', {
        found: id,
        suggestion: id.toLowerCase(),
      });
    if (!/^[a-z]/.test(id)) fail(token.position, `metric id '${id}' must start with a letter`, 'letter', { found: id });
    return { kind: 'metric', id, position: token.position };
  };

  const call = (nameToken: Token, depth: number): FormulaNode => {
    const name = nameToken.text.toLowerCase();
    if (!isFunctionName(name))
      fail(nameToken.position, `unknown function '${nameToken.text}'; use min, max or if`, 'function', {
        found: nameToken.text,
      });
    const inner = enter(depth, next());
    const args: FormulaNode[] = [];
    let token = peek();
    if (token.kind === ')') index++;
    while (token.kind !== ')') {
      args.push(expression(inner));
      token = next();
      if (token.kind !== ',' && token.kind !== ')') failAfterOperand(token);
    }
    if (name === 'if' && args.length !== 3)
      fail(nameToken.position, `if takes 3 arguments, got ${args.length}`, 'arguments', {
        found: name,
        count: args.length,
        needed: 3,
      });
    if (name !== 'if' && args.length < 2) {
      fail(nameToken.position, `${name} takes at least 2 arguments, got ${args.length}`, 'arguments', {
        found: name,
        count: args.length,
        needed: 2,
      });
    }
    return { kind: 'call', name, args };
  };

  const ast = expression(0);
  if (peek().kind !== 'end') failAfterOperand(peek());
  return ast;
}

export function referencedMetrics(ast: FormulaNode): string[] {
  const ids = new Set<string>();
  const visit = (node: FormulaNode): void => {
    if (node.kind === 'metric') ids.add(node.id);
    else if (node.kind === 'unary') visit(node.operand);
    else if (node.kind === 'binary') [node.left, node.right].forEach(visit);
    else if (node.kind === 'call') node.args.forEach(visit);
  };
  visit(ast);
  return [...ids];
}

/** N/A (null) propagates: any N/A operand gives N/A, except that min/max ignore N/A arguments (N/A only if all are); division by zero gives N/A; `if` evaluates only the chosen branch (an N/A condition gives N/A). */
export function evaluateFormula(ast: FormulaNode, metricValue: (metricId: string) => number | null): number | null {
  const value = evaluate(ast, metricValue);
  // Overflow and -0 are floating-point artefacts, not values an admin meant to see.
  if (value === null || !Number.isFinite(value)) return null;
  return value === 0 ? 0 : value;
}

function evaluate(node: FormulaNode, metricValue: (metricId: string) => number | null): number | null {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'metric':
      return metricValue(node.id);
    case 'unary': {
      const operand = evaluate(node.operand, metricValue);
      return operand === null ? null : -operand;
    }
    case 'binary': {
      const left = evaluate(node.left, metricValue);
      const right = left === null ? null : evaluate(node.right, metricValue);
      return left === null || right === null ? null : applyBinary(node.op, left, right);
    }
    case 'call': {
      if (node.name === 'if') {
        const [condition, whenTrue, whenFalse] = node.args;
        if (!condition || !whenTrue || !whenFalse) throw new Error(`if takes 3 arguments, got ${node.args.length}`);
        const test = evaluate(condition, metricValue);
        if (test === null) return null;
        return evaluate(test !== 0 ? whenTrue : whenFalse, metricValue);
      }
      const values = node.args.map((arg) => evaluate(arg, metricValue)).filter((v): v is number => v !== null);
      if (values.length === 0) return null;
      return node.name === 'min' ? Math.min(...values) : Math.max(...values);
    }
  }
}

function applyBinary(op: Arithmetic | Comparison, left: number, right: number): number | null {
  switch (op) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      return right === 0 ? null : left / right;
    default:
      return Number(COMPARE[op](compare(left, right)));
  }
}

const COMPARE: Record<Comparison, (order: -1 | 0 | 1) => boolean> = {
  '<': (order) => order < 0,
  '<=': (order) => order <= 0,
  '>': (order) => order > 0,
  '>=': (order) => order >= 0,
  '==': (order) => order === 0,
  '!=': (order) => order !== 0,
};

// With a relative tolerance, so that `0.1 + 0.2 == 0.3` holds and a rate of 0.9 reached through
// decimal arithmetic meets `>= 0.9`, as the admin writing the formula expects.
function compare(left: number, right: number): -1 | 0 | 1 {
  if (Math.abs(left - right) <= 1e-12 * Math.max(1, Math.abs(left), Math.abs(right))) return 0;
  return left < right ? -1 : 1;
}

/** Given each custom metric's id and the ids its formula references, returns a cycle as a list of ids (e.g. ['a','b','a']) or null. */
export function findCycle(definitions: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  for (const root of definitions.keys()) {
    if (state.has(root)) continue;
    // An explicit stack: a long chain of custom metrics must not exhaust the call stack.
    const stack = [{ id: root, refs: definitions.get(root) ?? [], next: 0 }];
    state.set(root, 'visiting');
    for (let frame = stack.at(-1); frame; frame = stack.at(-1)) {
      const ref = frame.refs[frame.next++];
      if (ref === undefined) {
        state.set(frame.id, 'done');
        stack.pop();
      } else if (state.get(ref) === 'visiting') {
        const path = stack.map((f) => f.id);
        return [...path.slice(path.indexOf(ref)), ref];
      } else if (!state.has(ref) && definitions.has(ref)) {
        // Ids without a definition are built-in metrics: leaves that cannot close a cycle.
        state.set(ref, 'visiting');
        stack.push({ id: ref, refs: definitions.get(ref) ?? [], next: 0 });
      }
    }
  }
  return null;
}

const EXCERPT_RADIUS = 40; // characters shown either side of the error on a long line

/** A readable message for a parse error, with the formula and a caret under the position, for the admin screen and the API. */
export function describeFormulaError(text: string, error: Pick<FormulaError, 'position' | 'message'>): string {
  const position = Math.min(Math.max(error.position, 0), text.length);
  const lineStart = position === 0 ? 0 : text.lastIndexOf('\n', position - 1) + 1;
  const lineEnd = text.indexOf('\n', position) === -1 ? text.length : text.indexOf('\n', position);
  const from = Math.max(lineStart, position - EXCERPT_RADIUS);
  const to = Math.min(lineEnd, position + EXCERPT_RADIUS);
  const before = from > lineStart ? '...' : '';
  const after = to < lineEnd ? '...' : '';
  const line = text.slice(from, to).replace(/[\r\v\f]/g, ' ');
  // The caret line copies tabs and full-width spaces so the caret lines up in a monospaced font.
  const padding = text.slice(from, position).replace(/[^\t\u3000]/g, ' ');
  const lineNumber = text.slice(0, position).split('\n').length;
  const column = position - lineStart + 1;
  const where = text.includes('\n') ? `line ${lineNumber}, column ${column}` : `column ${column}`;
  return `${error.message} (${where})\n${before}${line}${after}\n${' '.repeat(before.length)}${padding}^`;
}
