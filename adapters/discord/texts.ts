import type { Lang, Message } from '../../src/core/index.js'

/** Discord locales (`ko`, `en-US`, …) mapped to the two languages the bot answers in. */
export function langOfLocale(locale: string | null | undefined): Lang {
  return locale?.toLowerCase().startsWith('ko') ? 'ko' : 'en'
}

/** A short bot message that is not an answer (confirmations, refusals, apologies). */
export function notice(
  lang: Lang,
  title: string,
  paragraphs: string[],
  items?: { label: string; items: string[] },
): Message {
  const fields = items && items.items.length > 0 ? [items] : []
  const text = [
    title,
    ...paragraphs,
    ...fields.flatMap((f) => [f.label, ...f.items.map((i) => `• ${i}`)]),
  ].join('\n')
  return {
    lang,
    text,
    blocks: { title, paragraphs, fields, sources: [], asOf: null, conflict: false },
  }
}

type Texts = typeof en

const en = {
  apologyTitle: 'Sorry, that did not work',
  apology: 'Something went wrong while answering. It has been logged; please try again in a moment.',
  dmTitle: 'Only in a server channel',
  dmSubscriptions:
    'Subscriptions send K-AI updates to a server channel, and a direct message is not one. Run this command in the channel that should receive the updates.',
  permissionTitle: 'Manage Channels needed',
  needManageChannels:
    "Only members with the Manage Channels permission can change this channel's subscriptions. Ask a server admin.",
  botCannotPostTitle: 'I cannot post here',
  botCannotPost:
    'To deliver updates here I need View Channel, Send Messages and Embed Links in this channel. Grant them, then run the command again.',
  unknownTeamTitle: 'Unknown team',
  unknownTeam: (name: string) => `No team matches “${name}”. Pick one from the suggestions while typing.`,
  invalidDateTitle: 'Invalid date',
  invalidDate: (since: string) => `“${since}” is not a date. Use YYYY-MM-DD, e.g. 2026-01-15.`,
  subscribedTitle: 'Subscribed',
  scope: (team: string | null) => (team ? `updates about ${team}` : 'every K-AI update'),
  subscribed: {
    created: (scope: string) => `This channel will now receive ${scope}.`,
    updated: (scope: string) => `Updated: this channel receives ${scope}.`,
    unchanged: (scope: string) => `This channel already receives ${scope}.`,
  },
  unsubscribedTitle: 'Unsubscribed',
  unsubscribed: (scope: string) => `This channel will no longer receive ${scope}.`,
  notSubscribedTitle: 'Nothing to remove',
  notSubscribed: (scope: string) => `This channel was not subscribed to ${scope}.`,
  subscriptionsTitle: 'Subscriptions in this channel',
  noSubscriptions: 'This channel has no subscriptions. Use `/kai subscribe` to get K-AI updates here.',
  subscriptionsLabel: 'Receiving',
  subscriptionLine: (scope: string, lang: Lang, active: boolean, origin: 'command' | 'config') =>
    `${scope} (${lang === 'ko' ? 'Korean' : 'English'}${origin === 'config' ? ', set by the bot’s configuration' : ''}${active ? '' : ', paused: the bot could not post here'})`,
}

const ko: Texts = {
  apologyTitle: '죄송합니다',
  apology: '답변하는 중에 문제가 생겼습니다. 기록해 두었으니 잠시 후 다시 시도해 주세요.',
  dmTitle: '서버 채널에서만 쓸 수 있습니다',
  dmSubscriptions:
    '구독은 K-AI 소식을 서버 채널로 보내는 기능이라 DM에서는 쓸 수 없습니다. 소식을 받을 채널에서 이 명령을 실행해 주세요.',
  permissionTitle: '채널 관리 권한이 필요합니다',
  needManageChannels:
    '이 채널의 구독은 채널 관리(Manage Channels) 권한이 있는 멤버만 바꿀 수 있습니다. 서버 관리자에게 요청해 주세요.',
  botCannotPostTitle: '이 채널에 글을 올릴 수 없습니다',
  botCannotPost:
    '소식을 보내려면 이 채널에서 채널 보기, 메시지 보내기, 링크 첨부 권한이 필요합니다. 권한을 준 뒤 다시 실행해 주세요.',
  unknownTeamTitle: '팀을 찾지 못했습니다',
  unknownTeam: (name: string) =>
    `“${name}”에 해당하는 팀이 없습니다. 입력하면서 나오는 추천 목록에서 골라 주세요.`,
  invalidDateTitle: '날짜 형식 오류',
  invalidDate: (since: string) => `“${since}”는 날짜가 아닙니다. 2026-01-15처럼 YYYY-MM-DD로 입력해 주세요.`,
  subscribedTitle: '구독 완료',
  scope: (team: string | null) => (team ? `${team} 관련 소식` : '모든 K-AI 소식'),
  subscribed: {
    created: (scope: string) => `이제 이 채널로 ${scope}을 보냅니다.`,
    updated: (scope: string) => `변경했습니다: 이 채널로 ${scope}을 보냅니다.`,
    unchanged: (scope: string) => `이 채널은 이미 ${scope}을 받고 있습니다.`,
  },
  unsubscribedTitle: '구독 해지',
  unsubscribed: (scope: string) => `이 채널로 더 이상 ${scope}을 보내지 않습니다.`,
  notSubscribedTitle: '해지할 구독이 없습니다',
  notSubscribed: (scope: string) => `이 채널은 ${scope}을 구독하고 있지 않습니다.`,
  subscriptionsTitle: '이 채널의 구독',
  noSubscriptions: '이 채널에는 구독이 없습니다. `/kai 구독`으로 K-AI 소식을 받아 보세요.',
  subscriptionsLabel: '받는 소식',
  subscriptionLine: (scope: string, lang: Lang, active: boolean, origin: 'command' | 'config') =>
    `${scope} (${lang === 'ko' ? '한국어' : '영어'}${origin === 'config' ? ', 봇 설정으로 지정됨' : ''}${active ? '' : ', 일시 중지: 이 채널에 글을 올리지 못했습니다'})`,
}

/** UI strings of the Discord adapter in both languages; answers themselves come from the core. */
export const TEXTS: Record<Lang, Texts> = { ko, en }
