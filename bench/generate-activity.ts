import type { BulkWriter } from './bulk-writer.ts';
import { completeMonths, dayMs, instantOf, NOW } from './calendar.ts';
import { customerOf, KIND, someDay, somePersonOn, stamp, uid, type World } from './world.ts';

// Activities with the columns the write path derives (local date, notes length, logged within
// 24 h), 3% without a customer and 5% with too-short notes; proposals, surveys, knowledge posts
// and votes (5% self-votes), monthly peer ratings (3% self-ratings) and one usage event per person
// on 70% of working days.

const NOTES = [
  '电话沟通采购需求，约定下周拜访',
  '上门拜访，演示产品并确认预算',
  '发送报价单，客户反馈价格偏高',
  '微信跟进合同条款，法务审核中',
  '组织技术交流会，客户IT部门参加',
  '邮件回复客户关于实施周期的问题',
  'Discussed renewal terms with procurement',
  'Quarterly business review with the customer',
];
const SHORT_NOTES = ['ok', '  好  ', '已联系'];
const nowMs = Date.parse(NOW);

export function generateActivities(w: World, out: BulkWriter) {
  const { rng, tenantId, sizes, days } = w;
  const activity = out.table('activities', [
    'tenant_id',
    'id',
    'person_id',
    'customer_id',
    'type',
    'occurred_at',
    'occurred_on',
    'duration_min',
    'notes',
    'logged_at',
    'created_at',
    'updated_at',
    'notes_length',
    'is_logged_on_time',
  ]);
  for (let i = 0; i < sizes.activities; i++) {
    const dayIndex = someDay(w);
    const day = days[dayIndex] as (typeof days)[number];
    const person = somePersonOn(w, dayIndex);
    const customer = rng.chance(0.03) ? null : (w.customerIds[customerOf(w, person)] as string);
    const t = rng.next();
    const type =
      t < 0.35
        ? 'call'
        : t < 0.55
          ? 'visit'
          : t < 0.65
            ? 'meeting'
            : t < 0.8
              ? 'message'
              : t < 0.95
                ? 'email'
                : 'other';
    const duration = type === 'visit' ? rng.int(5, 120) : type === 'call' ? rng.int(1, 30) : null;
    const notes = rng.chance(0.05) ? rng.pick(SHORT_NOTES) : rng.pick(NOTES);
    const occurred = instantOf(day, rng.int(8 * 60, 20 * 60)).getTime();
    if (occurred > nowMs) continue;
    const late = rng.next();
    const delayMs =
      late < 0.88 ? rng.int(0, 20 * 60) * 60_000 : late < 0.9 ? dayMs : rng.int(25 * 60, 96 * 60) * 60_000;
    const logged = Math.min(occurred + delayMs, nowMs);
    const occurredAt = new Date(occurred).toISOString();
    const loggedAt = new Date(logged).toISOString();
    activity([
      tenantId,
      uid(KIND.activity, i),
      w.personIds[person] as string,
      customer,
      type,
      occurredAt,
      day.date,
      duration,
      notes,
      loggedAt,
      loggedAt,
      loggedAt,
      [...notes.trim()].length,
      logged - occurred <= dayMs ? 1 : 0,
    ]);
  }
}

export function generateCollaboration(w: World, out: BulkWriter) {
  const { rng, tenantId, sizes, days } = w;
  const today = days.length - 1;
  const proposal = out.table('proposals', [
    'tenant_id',
    'id',
    'person_id',
    'customer_id',
    'title',
    'due_on',
    'sent_at',
    'sent_on',
    'created_at',
    'updated_at',
  ]);
  for (let i = 0; i < sizes.proposals; i++) {
    const due = Math.min(someDay(w) + 14, today + 14);
    const dueOn = addDays(days[0]?.date as string, due);
    const person = somePersonOn(w, Math.min(due, today));
    const r = rng.next();
    const sent = r < 0.75 ? due - rng.int(0, 5) : r < 0.9 ? due + rng.int(1, 10) : Number.POSITIVE_INFINITY;
    const sentOn = sent <= today ? (days[sent]?.date as string) : null;
    const created = stamp(addDays(dueOn, -20));
    proposal([
      tenantId,
      uid(KIND.proposal, i),
      w.personIds[person] as string,
      w.customerIds[customerOf(w, person)] as string,
      `方案${i + 1}`,
      dueOn,
      sentOn ? `${sentOn}T03:00:00.000Z` : null,
      sentOn,
      created,
      created,
    ]);
  }

  const survey = out.table('surveys', [
    'tenant_id',
    'id',
    'customer_id',
    'person_id',
    'score',
    'responded_on',
    'created_at',
    'updated_at',
  ]);
  for (let i = 0; i < sizes.surveys; i++) {
    const on = days[someDay(w)]?.date as string;
    const customer = rng.int(0, sizes.customers - 1);
    const s = rng.next();
    const score = s < 0.05 ? 1 : s < 0.1 ? 2 : s < 0.25 ? 3 : s < 0.6 ? 4 : 5;
    const person = w.personIds[w.customerOwner[customer] as number] as string;
    survey([tenantId, uid(KIND.survey, i), w.customerIds[customer] as string, person, score, on, stamp(on), stamp(on)]);
  }

  const post = out.table('knowledge_posts', [
    'tenant_id',
    'id',
    'author_id',
    'title',
    'body',
    'published_at',
    'published_on',
    'created_at',
    'updated_at',
  ]);
  const postDay: number[] = [];
  const postAuthor: number[] = [];
  for (let i = 0; i < sizes.posts; i++) {
    const d = someDay(w);
    const author = somePersonOn(w, d);
    const on = days[d]?.date as string;
    postDay.push(d);
    postAuthor.push(author);
    post([
      tenantId,
      uid(KIND.post, i),
      w.personIds[author] as string,
      `案例${i + 1}`,
      '成功案例分享',
      stamp(on),
      on,
      stamp(on),
      stamp(on),
    ]);
  }
  const vote = out.table('knowledge_votes', [
    'tenant_id',
    'id',
    'post_id',
    'voter_id',
    'voted_at',
    'voted_on',
    'created_at',
    'updated_at',
  ]);
  const voted = new Set<string>();
  for (let i = 0; i < sizes.votes; i++) {
    const p = rng.int(0, sizes.posts - 1);
    const voter = rng.chance(0.05) ? (postAuthor[p] as number) : rng.int(0, sizes.people - 1);
    const key = `${p}:${voter}`;
    if (voted.has(key)) continue;
    voted.add(key);
    const on = days[Math.min(today, (postDay[p] as number) + rng.int(0, 30))]?.date as string;
    vote([
      tenantId,
      uid(KIND.vote, i),
      uid(KIND.post, p),
      w.personIds[voter] as string,
      stamp(on),
      on,
      stamp(on),
      stamp(on),
    ]);
  }
}

export function generateRatingsAndUsage(w: World, out: BulkWriter) {
  const { rng, tenantId, sizes, days } = w;
  const rating = out.table('peer_ratings', [
    'tenant_id',
    'id',
    'rater_id',
    'ratee_id',
    'month',
    'score',
    'created_at',
    'updated_at',
  ]);
  let ratings = 0;
  for (const month of completeMonths()) {
    const at = stamp(`${month}-28`);
    for (let p = 0; p < sizes.people; p++) {
      const first = rng.chance(0.03) ? p : rng.int(0, sizes.people - 1);
      let second = rng.int(0, sizes.people - 1);
      if (second === first) second = (second + 1) % sizes.people;
      for (const rater of [first, second])
        rating([
          tenantId,
          uid(KIND.rating, ratings++),
          w.personIds[rater] as string,
          w.personIds[p] as string,
          month,
          rng.int(2, 5),
          at,
          at,
        ]);
    }
  }

  const usage = out.table('usage_events', [
    'tenant_id',
    'id',
    'user_id',
    'person_id',
    'at',
    'on_date',
    'action',
    'record_kind',
    'record_id',
  ]);
  let events = 0;
  for (const d of w.workingDayIndexes) {
    const day = days[d] as (typeof days)[number];
    const at = stamp(day.date);
    for (let p = 0; p < sizes.people; p++) {
      if ((w.personLeftAt[p] as number) <= d || !rng.chance(0.7)) continue;
      usage([
        tenantId,
        uid(KIND.usage, events++),
        null,
        w.personIds[p] as string,
        at,
        day.date,
        'create',
        'activities',
        null,
      ]);
    }
  }
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
