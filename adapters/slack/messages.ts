import { type Lang, withParticle } from '../../src/core/index.js'

/**
 * The adapter's own short texts (confirmations, refusals, apologies) in both languages.
 * Answers themselves come from the core; these only cover what is specific to Slack commands.
 */
export const TEXT = {
  ko: {
    apology: (ref: string) =>
      `죄송합니다. 답을 만드는 중에 문제가 생겼습니다. 잠시 뒤 다시 시도해 주세요. (요청 번호 ${ref})`,
    subscribed: (what: string, kind: 'created' | 'updated' | 'unchanged') =>
      kind === 'unchanged'
        ? `이 채널은 이미 ${withParticle(what, '을/를')} 구독하고 있습니다.`
        : `이 채널에 ${withParticle(what, '을/를')} ${kind === 'created' ? '구독했습니다' : '구독 설정을 바꿨습니다'}. 결과가 바뀌면 여기에 알려 드립니다.`,
    unsubscribed: (what: string, removed: boolean) =>
      removed
        ? `이 채널의 ${what} 구독을 취소했습니다.`
        : `이 채널은 ${withParticle(what, '을/를')} 구독하고 있지 않습니다.`,
    allNews: '모든 소식',
    teamNews: (team: string) => `${team} 소식`,
    noSubscriptions: '이 채널에는 구독이 없습니다. `/kai subscribe` 로 결과 알림을 받을 수 있습니다.',
    subscriptionsTitle: '이 채널의 구독',
    langName: { ko: '한국어', en: '영어' },
    forbidden: (rule: 'admins' | 'members') =>
      rule === 'admins'
        ? '구독은 워크스페이스 관리자만 바꿀 수 있습니다.'
        : '구독은 이 채널의 멤버나 워크스페이스 관리자만 바꿀 수 있습니다.',
    unknownTeam: (name: string) =>
      `'${name}' 팀을 찾지 못했습니다. \`/kai team\` 에 팀 이름을 넣어 확인해 보세요.`,
    badDate: (value: string) =>
      `${withParticle(`'${value}'`, '은/는')} 날짜가 아닙니다. \`/kai changes since 2025-08-01\` 처럼 입력해 주세요.`,
    badPhase: (value: string) =>
      `${withParticle(`'${value}'`, '은/는')} 단계가 아닙니다. \`/kai results 1\` 처럼 숫자로 입력해 주세요.`,
    notInChannel: '이 채널에 봇이 없어 공유하지 못했습니다. `/invite @kai` 로 초대한 뒤 다시 눌러 주세요.',
    cannotPost: '이 대화에는 봇이 메시지를 올릴 수 없어 공유하지 못했습니다.',
    sharedBy: (user: string) => `<@${user}> 님이 \`/kai\` 답을 공유했습니다`,
    expired: '이 버튼은 더 이상 쓸 수 없습니다. `/kai` 로 다시 물어봐 주세요.',
    badButton:
      '이 버튼은 알아볼 수 없거나 더 이상 쓸 수 없습니다. 아무것도 바뀌지 않았습니다. 질문을 다시 입력해 주세요.',
    didYouMean: '혹시 이런 질문이었나요?',
    asked: (question: string) => `질문: “${question}”`,
    moreSources: (n: number) => `출처 ${n}건 더 보기`,
    allSources: (n: number) => `출처 ${n}건 전체`,
  },
  en: {
    apology: (ref: string) =>
      `Sorry, something went wrong while answering. Please try again in a moment. (request ${ref})`,
    subscribed: (what: string, kind: 'created' | 'updated' | 'unchanged') =>
      kind === 'unchanged'
        ? `This channel already follows ${what}.`
        : `This channel ${kind === 'created' ? 'now follows' : 'updated its subscription to'} ${what}. Changes in the results will be posted here.`,
    unsubscribed: (what: string, removed: boolean) =>
      removed ? `This channel no longer follows ${what}.` : `This channel does not follow ${what}.`,
    allNews: 'all news',
    teamNews: (team: string) => `news about ${team}`,
    noSubscriptions: 'This channel has no subscriptions. Use `/kai subscribe` to get result updates here.',
    subscriptionsTitle: 'Subscriptions of this channel',
    langName: { ko: 'Korean', en: 'English' },
    forbidden: (rule: 'admins' | 'members') =>
      rule === 'admins'
        ? 'Only workspace admins can change subscriptions.'
        : 'Only members of this channel or workspace admins can change subscriptions.',
    unknownTeam: (name: string) => `No team called '${name}'. Try \`/kai team\` with a team name.`,
    badDate: (value: string) => `'${value}' is not a date. Try \`/kai changes since 2025-08-01\`.`,
    badPhase: (value: string) => `'${value}' is not a phase. Try \`/kai results 1\`.`,
    notInChannel:
      'I am not in this channel, so I could not share it. Invite me with `/invite @kai` and press again.',
    cannotPost: 'I cannot post in this conversation, so I could not share it.',
    sharedBy: (user: string) => `Shared by <@${user}> with \`/kai\``,
    expired: 'This button no longer works. Please ask again with `/kai`.',
    badButton:
      'I could not read this button, or it no longer works. Nothing was changed. Please type your question again.',
    didYouMean: 'Did you mean…?',
    asked: (question: string) => `Asked: “${question}”`,
    moreSources: (n: number) => `Show ${n} more ${n === 1 ? 'source' : 'sources'}`,
    allSources: (n: number) => `All ${n} ${n === 1 ? 'source' : 'sources'}`,
  },
} as const satisfies Record<Lang, unknown>

export type Texts = (typeof TEXT)[Lang]
