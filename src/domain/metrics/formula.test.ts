import { describe, expect, it } from 'vitest';
import {
  describeFormulaError,
  evaluateFormula,
  FORMULA_LIMITS,
  type FormulaNode,
  findCycle,
  parseFormula,
  referencedMetrics,
} from './formula.ts';

// The tree as an s-expression, so the expected shapes can be written by hand.
const show = (node: FormulaNode): string => {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'metric':
      return node.id;
    case 'unary':
      return `(neg ${show(node.operand)})`;
    case 'binary':
      return `(${node.op} ${show(node.left)} ${show(node.right)})`;
    case 'call':
      return `(${node.name} ${node.args.map(show).join(' ')})`;
  }
};

const parsed = (text: string): string => {
  const result = parseFormula(text);
  return result.ok ? show(result.ast) : `error at ${result.error.position}: ${result.error.message}`;
};

const ast = (text: string): FormulaNode => {
  const result = parseFormula(text);
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`);
  return result.ast;
};

// Reading a metric that is not listed fails the test: that is how the short-circuit of `if` is checked.
const run = (text: string, values: Record<string, number | null> = {}): number | null =>
  evaluateFormula(ast(text), (id) => {
    const value = values[id];
    if (value === undefined) throw new Error(`metric '${id}' should not have been read`);
    return value;
  });

describe('parsing: precedence, associativity, functions', () => {
  it.each([
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['a - b - c', '(- (- a b) c)'],
    ['a / b * c', '(* (/ a b) c)'],
    ['-a * b', '(* (neg a) b)'],
    ['a * -b', '(* a (neg b))'],
    ['- - a', '(neg (neg a))'],
    ['(a + b) * c', '(* (+ a b) c)'],
    ['a + 1 >= b * 2', '(>= (+ a 1) (* b 2))'],
    ['a != b', '(!= a b)'],
    ['signed_amount / max(follow_ups, 1)', '(/ signed_amount (max follow_ups 1))'],
    [
      'if(collection_rate >= 0.9, signed_amount * 1.1, signed_amount)',
      '(if (>= collection_rate 0.9) (* signed_amount 1.1) signed_amount)',
    ],
    ['(won_deals + 0.5 * assists) / 2', '(/ (+ won_deals (* 0.5 assists)) 2)'],
    ['MAX(a, b, c)', '(max a b c)'],
    ['Min(a,b)', '(min a b)'],
    ['IF(a < 1, b, c)', '(if (< a 1) b c)'],
    ['\u3000a\t+\n b2_x\u3000', '(+ a b2_x)'],
    ['12 + 1.25 + 007', '(+ (+ 12 1.25) 7)'],
  ])('%s -> %s', (text, expected) => expect(parsed(text)).toBe(expected));

  it('a metric node carries its position in the text', () => {
    expect(ast('2 * signed_amount')).toEqual({
      kind: 'binary',
      op: '*',
      left: { kind: 'number', value: 2 },
      right: { kind: 'metric', id: 'signed_amount', position: 4 },
    });
  });
});

describe('evaluation', () => {
  it.each<[string, Record<string, number | null>, number | null]>([
    ['1 + 2 * 3', {}, 7],
    ['a - b - c', { a: 10, b: 3, c: 2 }, 5],
    ['a / b * c', { a: 12, b: 3, c: 2 }, 8],
    ['-a * b', { a: 2, b: 3 }, -6],
    ['2 - -3', {}, 5],
    ['(1 + 2) * 3', {}, 9],
    ['a / b', { a: 1, b: 4 }, 0.25],
    ['min(3, 1, 2)', {}, 1],
    ['max(3, 1, 2)', {}, 3],
    ['signed_amount / max(follow_ups, 1)', { signed_amount: 1000, follow_ups: 0 }, 1000],
    ['signed_amount / max(follow_ups, 1)', { signed_amount: 1000, follow_ups: 4 }, 250],
    ['(won_deals + 0.5 * assists) / 2', { won_deals: 3, assists: 2 }, 2],
    [
      'if(collection_rate >= 0.9, signed_amount * 1.1, signed_amount)',
      { collection_rate: 0.9, signed_amount: 1000 },
      1100,
    ],
    [
      'if(collection_rate >= 0.9, signed_amount * 1.1, signed_amount)',
      { collection_rate: 0.89, signed_amount: 1000 },
      1000,
    ],
    ['-a', { a: 0 }, 0], // not -0
    ['a * a', { a: 1e200 }, null], // overflow is not a number to show
  ])('%s with %o -> %s', (text, values, expected) => expect(run(text, values)).toBe(expected));
});

describe('N/A and division by zero', () => {
  it.each<[string, Record<string, number | null>, number | null]>([
    ['a + b', { a: null, b: 1 }, null],
    ['a + b', { a: 1, b: null }, null],
    ['a * 0', { a: null }, null],
    ['-a', { a: null }, null],
    ['a > 1', { a: null }, null],
    ['min(a, b)', { a: null, b: 4 }, 4],
    ['max(a, 5, b)', { a: null, b: null }, 5],
    ['max(a, b)', { a: null, b: null }, null],
    ['a / b', { a: 1, b: 0 }, null],
    ['0 / 0', {}, null],
    ['a / (b - b)', { a: 5, b: 2 }, null],
    ['signed_amount / max(follow_ups, 1)', { signed_amount: 1000, follow_ups: null }, 1000],
  ])('%s with %o -> %s', (text, values, expected) => expect(run(text, values)).toBe(expected));
});

describe('if chooses a branch and evaluates only that one', () => {
  it.each<[string, Record<string, number | null>, number | null]>([
    ['if(a > 0, b, c)', { a: 1, b: 10 }, 10],
    ['if(a > 0, b, c)', { a: 0, c: 20 }, 20],
    ['if(a, b, c)', { a: -1, b: 10 }, 10], // any non-zero condition is true
    ['if(a, b, c)', { a: null }, null],
    ['if(a >= 0.9, b, c)', { a: 0.95, b: 10, c: null }, 10],
    ['if(a >= 0.9, b, c)', { a: 0.5, b: null, c: 20 }, 20],
    ['if(a >= 0.9, b, c)', { a: 0.5, b: 10, c: null }, null],
    ['if(1 / 0, b, c)', {}, null],
  ])('%s with %o -> %s', (text, values, expected) => expect(run(text, values)).toBe(expected));
});

describe('comparisons give 1 or 0', () => {
  it.each([
    ['3 < 5', 1],
    ['5 < 3', 0],
    ['3 <= 3', 1],
    ['4 <= 3', 0],
    ['3 > 3', 0],
    ['4 > 3', 1],
    ['3 >= 3', 1],
    ['2 >= 3', 0],
    ['3 == 3', 1],
    ['3 == 4', 0],
    ['3 != 3', 0],
    ['2 != 3', 1],
    ['0.1 + 0.2 == 0.3', 1], // within floating-point tolerance
    ['0.1 + 0.2 > 0.3', 0],
    ['(1 < 2) + (2 < 3) * 10', 11],
  ])('%s -> %s', (text, expected) => expect(run(text)).toBe(expected));
});

describe('errors point at their position', () => {
  it.each([
    ['signed_amount # 2', 14, "unexpected character '#'", 'known_character', { found: '#' }],
    ['a ! b', 2, "unexpected character '!'", 'known_character', { found: '!' }],
    ['签约金额 * 2', 0, "unexpected character '签'", 'known_character', { found: '签' }],
    ['max（a, b)', 3, "unexpected character '（'; use '(' instead", 'ascii', { found: '（', suggestion: '(' }],
    ['a = b', 2, "unexpected character '='; use '==' to compare", 'double_equals', undefined],
    ['(a + b', 6, "missing ')'", 'close_paren', undefined],
    ['max(a, b', 8, "missing ')'", 'close_paren', undefined],
    ['a +', 3, "unexpected end of formula; expected a number, a metric or '('", 'operand', undefined],
    ['sum(a, b)', 0, "unknown function 'sum'; use min, max or if", 'function', { found: 'sum' }],
    ['a + Avg(b, c)', 4, "unknown function 'Avg'; use min, max or if", 'function', { found: 'Avg' }],
    ['if(a, b)', 0, 'if takes 3 arguments, got 2', 'arguments', { found: 'if', count: 2, needed: 3 }],
    ['a + if(a, b, c, d)', 4, 'if takes 3 arguments, got 4', 'arguments', { found: 'if', count: 4, needed: 3 }],
    ['max(a)', 0, 'max takes at least 2 arguments, got 1', 'arguments', { found: 'max', count: 1, needed: 2 }],
    ['min()', 0, 'min takes at least 2 arguments, got 0', 'arguments', { found: 'min', count: 0, needed: 2 }],
    ['', 0, 'formula is empty', 'operand', undefined],
    [' \u3000\n ', 0, 'formula is empty', 'operand', undefined],
    ['1.2.3', 3, "invalid number '1.2.3': a number has at most one decimal point", 'one_point', { found: '1.2.3' }],
    ['a * 1.', 5, 'a decimal point must be followed by digits', 'digit', undefined],
    ['.5', 0, "unexpected character '.'; a number starts with a digit, as in 0.5", 'leading_digit', undefined],
    ['a b', 2, "missing operator before 'b'", 'operator', { found: 'b' }],
    ['2 (a)', 2, "missing operator before '('", 'operator', { found: '(' }],
    ['max(a b)', 6, "missing operator before 'b'", 'operator', { found: 'b' }],
    [
      'Signed_Amount',
      0,
      "metric ids are lowercase: write 'signed_amount'",
      'lowercase',
      { found: 'Signed_Amount', suggestion: 'signed_amount' },
    ],
    ['_a', 0, "metric id '_a' must start with a letter", 'letter', { found: '_a' }],
    ['a * / b', 4, "expected a number, a metric or '(' but found '/'", 'operand', { found: '/' }],
    ['()', 1, "expected a number, a metric or '(' but found ')'", 'operand', { found: ')' }],
    ['max(a,,b)', 6, "expected a number, a metric or '(' but found ','", 'operand', { found: ',' }],
    ['a)', 1, "unmatched ')'", 'open_paren', undefined],
    ['a, b', 1, "',' only separates the arguments of min, max or if", 'function_comma', undefined],
    ['a < b < c', 6, 'comparisons cannot be chained; use if(...)', 'no_chain', undefined],
  ] as const)('%j -> %i: %s (%s)', (text, position, message, expected, params) => {
    expect(parseFormula(text)).toEqual({
      ok: false,
      error: { position, message, expected, ...(params ? { params } : {}) },
    });
  });
});

describe('length and depth limits', () => {
  const tooLong = {
    ok: false,
    error: {
      position: 500,
      message: 'formula is longer than 500 characters',
      expected: 'shorter',
      params: { max: 500 },
    },
  };
  const tooDeep = (position: number) => ({
    ok: false,
    error: { position, message: 'formula is nested deeper than 32 levels', expected: 'shallower', params: { max: 32 } },
  });

  it('are 500 characters and 32 levels', () => expect(FORMULA_LIMITS).toEqual({ maxLength: 500, maxDepth: 32 }));

  it('accepts 500 characters and refuses 501, whatever they are', () => {
    expect(run(`${'a+'.repeat(249)}a `, { a: 1 })).toBe(250); // a long chain is not nesting
    expect(parseFormula(`${'1+'.repeat(250)}1`)).toEqual(tooLong);
  });

  it.each([
    ['(((...', '('.repeat(100_000)],
    ['- - - ...', '- '.repeat(50_000)],
    ['a+a+a+...', `${'a+'.repeat(50_000)}a`],
  ])('checks the length before parsing 100,000 characters of %s', (_, text) => {
    expect(parseFormula(text)).toEqual(tooLong);
  });

  it('accepts nesting 32 deep', () => {
    expect(run(`${'('.repeat(32)}a${')'.repeat(32)}`, { a: 7 })).toBe(7);
    expect(run(`${'-'.repeat(32)}a`, { a: 7 })).toBe(7);
    expect(run(`${'-('.repeat(16)}a${')'.repeat(16)}`, { a: 7 })).toBe(7);
    expect(run(`${'max(a, '.repeat(32)}a${')'.repeat(32)}`, { a: 7 })).toBe(7);
  });

  it.each([
    ['parentheses', `${'('.repeat(33)}a${')'.repeat(33)}`, 32],
    ['unary minus', `${'- '.repeat(33)}a`, 64],
    ['minus inside parentheses', `${'-('.repeat(16)}-a${')'.repeat(16)}`, 32],
    ['calls', `${'max(a, '.repeat(33)}a${')'.repeat(33)}`, 227],
    ['500 characters of parentheses', `${'('.repeat(250)}a${')'.repeat(249)}`, 32],
  ])('refuses the level beyond 32 at its opening token: %s', (_, text, position) => {
    expect(parseFormula(text)).toEqual(tooDeep(position));
  });
});

describe('referencedMetrics', () => {
  it.each([
    ['if(b >= 1, a + b, max(c, a))', ['b', 'a', 'c']],
    ['signed_amount / max(follow_ups, 1)', ['signed_amount', 'follow_ups']],
    ['-x * x - x', ['x']],
    ['1 + 2', []],
  ])('%s -> %j', (text, expected) => expect(referencedMetrics(ast(text))).toEqual(expected));
});

describe('findCycle', () => {
  it.each<[string, Record<string, string[]>, string[] | null]>([
    ['no custom metrics', {}, null],
    ['references to built-ins only', { x: ['signed_amount', 'y'], y: ['follow_ups'] }, null],
    ['a self-loop', { a: ['a'] }, ['a', 'a']],
    ['a -> b -> c -> a', { a: ['b'], b: ['c'], c: ['a'] }, ['a', 'b', 'c', 'a']],
    ['a cycle below an acyclic metric', { x: ['signed_amount', 'a'], a: ['b'], b: ['a'] }, ['a', 'b', 'a']],
    ['a diamond', { top: ['left', 'right'], left: ['base'], right: ['base'], base: ['csat'] }, null],
  ])('%s', (_, definitions, expected) => {
    expect(findCycle(new Map(Object.entries(definitions)))).toEqual(expected);
  });
});

describe('describeFormulaError', () => {
  it('shows the message, the formula and a caret under the position', () => {
    const text = 'signed_amount # 2';
    expect(describeFormulaError(text, { position: 14, message: "unexpected character '#'" })).toBe(
      "unexpected character '#' (column 15)\nsigned_amount # 2\n              ^",
    );
  });

  it('on a formula of several lines shows the line of the error, keeping full-width spaces aligned', () => {
    const text = 'if(a,\n\u3000b c, d)';
    expect(describeFormulaError(text, { position: 9, message: "missing operator before 'c'" })).toBe(
      "missing operator before 'c' (line 2, column 4)\n\u3000b c, d)\n\u3000  ^",
    );
  });

  it('cuts a long line to the part around the position', () => {
    const text = '1+'.repeat(300);
    expect(describeFormulaError(text, { position: 500, message: 'formula is longer than 500 characters' })).toBe(
      `formula is longer than 500 characters (column 501)\n...${'1+'.repeat(40)}...\n${' '.repeat(43)}^`,
    );
  });
});
