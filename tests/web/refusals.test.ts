import { readFileSync } from 'node:fs';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/web/api/client.ts';
import { issueMessage, problemText } from '../../src/web/ui/problem.ts';
import { caretLine, refusalText } from '../../src/web/ui/refusals.ts';

// Server refusals with a code and params, worded by the Chinese catalog (the English one has the
// same keys, checked by i18n-catalogs.test.ts). Expected strings are written out by hand.

const catalog = (name: string) => JSON.parse(readFileSync(`src/web/i18n/${name}.json`, 'utf8'));
let zh: TFunction;
let en: TFunction;

beforeAll(async () => {
  const make = async (lng: string) => {
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { 'zh-CN': { translation: catalog('zh-CN') }, en: { translation: catalog('en') } },
      lng,
      fallbackLng: false,
      interpolation: { escapeValue: false },
    });
    return i18n.t;
  };
  zh = await make('zh-CN');
  en = await make('en');
});

const yuan = (cents: number) => `¥${(cents / 100).toFixed(2)}`;

describe('refusals in Chinese', () => {
  it.each([
    [
      'a full-width parenthesis',
      { code: 'formula', params: { position: 3, column: 4, expected: 'ascii', found: '（', suggestion: '(' } },
      '公式第 4 个字符处：“（”是全角字符，请改用半角“(”',
    ],
    [
      'a missing operand',
      { code: 'formula', params: { position: 15, column: 16, expected: 'operand', found: '*' } },
      '公式第 16 个字符处：这里应是数字、指标或左括号“(”',
    ],
    [
      'a missing parenthesis',
      { code: 'formula', params: { position: 15, column: 16, expected: 'close_paren' } },
      '公式第 16 个字符处：缺少右括号“)”',
    ],
    [
      'the wrong number of arguments',
      { code: 'formula', params: { position: 0, column: 1, expected: 'arguments', found: 'if', count: 2, needed: 3 } },
      '公式第 1 个字符处：if 需要 3 个参数，这里有 2 个',
    ],
    [
      'unknown metrics',
      { code: 'unknown_metric', params: { metrics: 'nope, nada', count: 2 } },
      '公式引用了不存在的指标：nope, nada',
    ],
    [
      'a cycle',
      { code: 'formula_cycle', params: { cycle: 'ring_b → ring_a → ring_b' } },
      '公式之间循环引用：ring_b → ring_a → ring_b',
    ],
    [
      'a customer still used by contacts',
      { code: 'in_use', params: { usedBy: 'contacts', count: 2 } },
      '仍有 2 条“联系人”记录在使用它，请先删除或改掉这些记录',
    ],
    [
      'a position still used by a scheme',
      { code: 'in_use', params: { usedBy: 'schemes', count: 1 } },
      '仍有 1 条“考核方案”记录在使用它，请先删除或改掉这些记录',
    ],
    [
      'a metric used by formulas',
      { code: 'in_use', params: { usedBy: 'customMetrics', count: 1, names: 'ring_b' } },
      '仍有 1 个自定义指标的公式在使用它（ring_b），请先修改这些公式',
    ],
    [
      'locks above the whole',
      { code: 'decomposition', params: { refusal: 'locked_exceed_whole', locked: 130_000_00, whole: 100_000_00 } },
      '锁定部分合计 ¥130000.00，超过了总目标 ¥100000.00',
    ],
    [
      'manual percentages off',
      { code: 'decomposition', params: { refusal: 'percentages_not_100', total: 90 } },
      '手动百分比合计 90%，必须正好等于 100%',
    ],
    [
      'no whole to split',
      { code: 'decomposition', params: { refusal: 'no_whole', metricId: 'signed_amount', periodKey: '2025-04' } },
      '请先设置该期间的目标，再分解',
    ],
  ])('%s', (_case, issue, text) => {
    expect(refusalText(issue, 'zh-CN', zh, yuan)).toBe(text);
  });

  it('field errors of these codes read in Chinese next to the field, not as the English reason', () => {
    const issue = {
      field: 'definition.formula',
      code: 'formula',
      reason: "expected a number, a metric or '(' but found '*' (column 16)",
      params: { position: 15, column: 16, expected: 'operand', found: '*' },
    };
    expect(issueMessage(issue, 'zh-CN', zh)).toBe('公式第 16 个字符处：这里应是数字、指标或左括号“(”');
    expect(issueMessage(issue, 'en', en)).toBe("Formula, character 16: A number, a metric or '(' should come here");
  });

  it('a 409 refusal becomes the page message in Chinese', () => {
    const error = new ApiError({
      type: 'https://pacer.dev/problems/conflict',
      title: 'Conflict',
      status: 409,
      detail: 'customers c1 is still referenced by 2 contacts; remove or reassign those first',
      record: 'customers',
      recordId: 'c1',
      errors: [
        {
          code: 'in_use',
          reason: 'customers c1 is still referenced by 2 contacts',
          params: { usedBy: 'contacts', count: 2 },
        },
      ],
    });
    expect(problemText(error, 'zh-CN', zh)).toBe('仍有 2 条“联系人”记录在使用它，请先删除或改掉这些记录');
    expect(problemText(error, 'en', en)).toBe('Still used by 2 record(s) of Contacts; remove or change those first');
  });

  it('leaves other issues to the existing wording', () => {
    expect(refusalText({ code: 'required' }, 'zh-CN', zh)).toBeUndefined();
  });
});

describe('the caret under a formula error', () => {
  it.each([
    ['signed_amount +* 2', 15, '               ^'],
    ['签约 + x', 3, '     ^'],
  ])('%s at %i', (formula, position, caret) => expect(caretLine(formula, position)).toBe(caret));
});
