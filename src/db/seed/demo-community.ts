import { addDays, daysInMonth, localDate } from '../../domain/time/dates.ts';
import type { DemoContext, DemoData } from './demo-context.ts';
import { officeStamp, stamps } from './demo-context.ts';
import { type DemoCustomers, ownerOn } from './demo-customers.ts';
import { type DemoOrg, type DemoPerson, isEmployedOn, unitOn } from './demo-org.ts';
import { addMinutes, addMonths, DEMO_TIME_ZONE, instantAt, maxDate, minDate } from './demo-time.ts';
import {
  goodSurveyComments,
  peerComments,
  poorSurveyComments,
  postSentences,
  postTags,
  postTitles,
  products,
  surveyCommentChance,
} from './demo-words.ts';
import type { Random } from './random.ts';

// The softer numbers: customer satisfaction surveys, 案例分享 posts with their "useful" votes,
// and monthly 协作评分 among teammates, each with a little bad data (self-votes, self-ratings).

type CommunityRows = Pick<DemoData, 'surveys' | 'knowledgePosts' | 'knowledgeVotes' | 'peerRatings'>;

const POST_COUNT = 80;
const SELF_VOTES = 3;
const SELF_RATINGS = 2;
const SURVEY_CHANCE = { A: 0.09, B: 0.06, C: 0.035 };

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const score = (random: Random, mean: number) => Math.round(clamp(random.normal(mean, 0.7), 1, 5));

/** 'YYYY-MM' of every month from the history's start to today's month. */
function monthsOf(ctx: DemoContext): string[] {
  const months: string[] = [];
  for (let d = ctx.start; d <= ctx.today; d = addMonths(d, 1)) months.push(d.slice(0, 7));
  return months;
}

export function generateCommunity(ctx: DemoContext, org: DemoOrg, customers: DemoCustomers): CommunityRows {
  const random = ctx.stream(6);
  const rows: CommunityRows = { surveys: [], knowledgePosts: [], knowledgeVotes: [], peerRatings: [] };
  const months = monthsOf(ctx);
  addSurveys(ctx, random, org, customers, months, rows);
  addKnowledge(ctx, random, org, rows);
  addPeerRatings(ctx, random, org, months, rows);
  return rows;
}

function addSurveys(
  ctx: DemoContext,
  random: Random,
  org: DemoOrg,
  customers: DemoCustomers,
  months: string[],
  rows: CommunityRows,
): void {
  for (const month of months) {
    const last = `${month}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5)))).padStart(2, '0')}`;
    const days = ctx.work.workingDays(`${month}-01`, minDate(last, ctx.today));
    if (days.length === 0) continue;
    for (const customer of customers.customers) {
      if (!random.chance(SURVEY_CHANCE[customer.grade])) continue;
      const respondedOn = random.pick(days);
      const rep = org.byId.get(ownerOn(customer, respondedOn) ?? '');
      if (!rep) continue;
      const value = score(random, 3.2 + rep.skill);
      const comment = random.chance(surveyCommentChance)
        ? random.pick(value >= 4 ? goodSurveyComments : poorSurveyComments)
        : null;
      const at = officeStamp(random, respondedOn);
      rows.surveys.push({
        tenantId: ctx.tenantId,
        id: ctx.newId(at),
        externalId: `S${String(rows.surveys.length + 1).padStart(5, '0')}`,
        customerId: customer.id,
        personId: rep.id,
        score: value,
        respondedOn,
        comment,
        ...stamps(at),
      });
    }
  }
}

function addKnowledge(ctx: DemoContext, random: Random, org: DemoOrg, rows: CommunityRows): void {
  const days = ctx.work.workingDays(ctx.start, ctx.today);
  const authors = org.people.filter((p) => p.kind !== 'director');
  const weights = authors.map((p) => (p.kind === 'rep' ? p.skill * p.skill : 0.8));
  const voted = new Set<string>();
  for (let n = 0; n < POST_COUNT; n++) {
    let author: DemoPerson;
    let day: string;
    do {
      author = random.weighted(authors, weights);
      day = random.pick(days);
    } while (!isEmployedOn(author, day));
    const publishedAt = instantAt(day, random.int(10 * 60, 21 * 60));
    const id = ctx.newId(publishedAt);
    const body = random.shuffle(postSentences).slice(0, random.int(3, 5)).join('');
    rows.knowledgePosts.push({
      tenantId: ctx.tenantId,
      id,
      externalId: `KB${String(n + 1).padStart(3, '0')}`,
      authorId: author.id,
      title: random.pick(postTitles).replace('{p}', random.pick(products)),
      body,
      tags: random.shuffle(postTags).slice(0, random.int(1, 2)).join(','),
      publishedAt,
      publishedOn: localDate(publishedAt, DEMO_TIME_ZONE),
      ...stamps(publishedAt),
    });
    const quality = random.next() * author.skill;
    const wanted = random.int(0, 4) + Math.round(10 * quality);
    for (let v = 0; v < wanted; v++) {
      const votedAt = addMinutes(publishedAt, random.int(10, 30 * 1440));
      if (votedAt > ctx.todayEnd) continue;
      const votedOn = localDate(votedAt, DEMO_TIME_ZONE);
      const voter = random.pick(org.people);
      if (voter.id === author.id || !isEmployedOn(voter, votedOn) || voted.has(`${id}|${voter.id}`)) continue;
      voted.add(`${id}|${voter.id}`);
      pushVote(ctx, rows, id, voter.id, votedAt);
    }
  }
  // Bad data the metric must exclude: authors voting for their own post.
  for (const post of rows.knowledgePosts.slice(0, SELF_VOTES)) {
    pushVote(ctx, rows, post.id, post.authorId, addMinutes(post.publishedAt, random.int(5, 60)));
  }
}

function pushVote(ctx: DemoContext, rows: CommunityRows, postId: string, voterId: string, votedAt: string): void {
  rows.knowledgeVotes.push({
    tenantId: ctx.tenantId,
    id: ctx.newId(votedAt),
    externalId: `V${String(rows.knowledgeVotes.length + 1).padStart(5, '0')}`,
    postId,
    voterId,
    votedAt,
    votedOn: localDate(votedAt, DEMO_TIME_ZONE),
    ...stamps(votedAt),
  });
}

function addPeerRatings(ctx: DemoContext, random: Random, org: DemoOrg, months: string[], rows: CommunityRows): void {
  const push = (rater: DemoPerson, ratee: DemoPerson, month: string, on: string) => {
    const at = officeStamp(random, on);
    rows.peerRatings.push({
      tenantId: ctx.tenantId,
      id: ctx.newId(at),
      externalId: `PR${String(rows.peerRatings.length + 1).padStart(5, '0')}`,
      raterId: rater.id,
      rateeId: ratee.id,
      month,
      score: score(random, 3.4 + 0.9 * (ratee.skill - 1)),
      comment: random.pick(peerComments),
      ...stamps(at),
    });
  };
  for (const month of months) {
    // Ratings are given in the month's last week; the current month only if that week has begun.
    const first = `${month}-25`;
    if (first > ctx.today) continue;
    const last = `${month}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5)))).padStart(2, '0')}`;
    const mid = `${month}-15`;
    for (const team of org.teams) {
      const members = org.people.filter((p) => isEmployedOn(p, mid) && unitOn(p, mid) === team.id);
      for (const rater of members) {
        if (!random.chance(0.6)) continue;
        const on = minDate(ctx.today, addDays(first, random.int(0, Number(last.slice(8)) - 25)));
        const ratees = random.shuffle(members.filter((m) => m.id !== rater.id)).slice(0, random.int(1, 3));
        for (const ratee of ratees) push(rater, ratee, month, maxDate(first, on));
      }
    }
  }
  // Bad data: a couple of people rating themselves.
  for (let k = 0; k < SELF_RATINGS; k++) {
    const month = months[Math.min(months.length - 2, 3 + 5 * k)] as string;
    const self = org.reps[7 + 11 * k] as DemoPerson;
    push(self, self, month, `${month}-28`);
  }
}
