import type { EventKind, FactTopic } from '../corpus/schema.js'

/**
 * The words the router listens for, Korean and English. Korean patterns are matched against the
 * question with and without spaces ("2차 평가" / "2차평가"), so they may omit optional spaces.
 * Kept in one place so a new phrasing is one line here plus one test in route.test.ts.
 */

export const INVALID_MAX_CHARS = 500

export const HELP =
  /^\/?(help|도움말?|헬프|사용법|명령어|\?)[!?.\s]*$|뭘\s?물어|무엇을\s?물어|뭐\s?물어|뭘\s?알려\s?줄\s?수|뭐\s?할\s?수\s?있|무엇을\s?할\s?수|뭐\s?알아|what can (you|i) (do|ask|answer)|what do you know|how (do i|to) use (you|this|the bot)|what questions/

/** Topics the corpus cannot answer, whatever else the question says. */
export const OUT_OF_SCOPE: RegExp[] = [
  /날씨|기온|미세\s?먼지|강수|비\s?(와|올까|오나)|눈\s?(와|올까)|\bweather\b|forecast|\brain(ing)?\b|temperature/,
  /주가|주식|시세|환율|비트\s?코인|코인\s?가격|가격|얼마에\s?(사|팔)|\bstock\b|\bshares?\b|share price|\bprices?\b|exchange rate|bitcoin|crypto/,
  /축구|야구|농구|배구|월드컵|올림픽|손흥민|류현진|프리미어\s?리그|다이노스|트윈스|자이언츠|타이거즈|라이온즈|이글스|베어스|랜더스|히어로즈|위즈|선발\s?투수|롤드컵|페이커|\blck\b|\bt1\b|\bdinos\b|\btwins\b|esports|\bsoccer\b|football|baseball|basketball|world cup|olympic|\bnba\b|premier league|super bowl|korean series|한국\s?시리즈|\bkbo\b/,
  /맛집|레시피|요리법|recipe|restaurant|\bmovie|영화\s?추천|노래\s?추천|로또|lottery|운세|horoscope|\bjoke\b|농담/,
  /수도가?\s?어디|capital (city )?of|인구가?\s?몇|population of|달까지|distance to the moon|몇\s?살이야|how old is/,
]

/** Other countries: a question about their programmes is out of scope unless it names a K-AI team or model. */
export const FOREIGN_PROGRAM =
  /(일본|중국|미국|프랑스|영국|독일|대만|인도|사우디|캐나다|싱가포르|유럽|이스라엘|uae|japan(ese)?|china|chinese|\bu\.?s\.?a?\b|america(n)?|france|french|\buk\b|brita(in|ish)|germany|german|taiwan|india(n)?|saudi|canada|singapore|europe(an)?|\beu\b|israel).{0,30}(프로젝트|사업|정책|프로그램|전략|program|project|initiative|policy|strategy|plan)/

export const WHY =
  /왜|이유|원인|어째서|까닭|사유|근거|\bwhy\b|\breasons?\b|how come|what caused|on what grounds/
export const WHEN =
  /언제|며칠|몇\s?월|몇\s?일|날짜|시기|\bwhen\b|what (date|day|month)|which (date|day|month)|\bdeadline\b/
export const SCHEDULE = /일정|스케줄|로드맵|타임라인|\bschedule\b|roadmap|timeline/

export const OUTCOME_WORDS = {
  advanced:
    /진출|\d\s?차(\s?단계)?\s?(에|로)?\s?(갔|간|감|가는|가냐|가나)|올라\s?(가|갔|간|감|왔|온)|붙었|붙은|붙음|붙어|붙냐|붙나|통과|살아\s?남|합격|생존|남았|남은|진입|\badvanc|made it|make it|\bpass(ed)?\b|went through|moved? on|surviv|still in|qualif|\bremain/,
  eliminated:
    /탈락|떨어\s?(졌|지|져|진|짐|뜨)|고배|잘렸|잘린|아웃|제외\s?(됐|된|되)|낙방|미끄러|eliminat|dropped|\bcut\b|knocked out|kicked out|\b(is|was|were|got|are) out\b|\bfail|disqualif|excluded|\blost\b/,
  selected:
    /선정|뽑\s?(혔|힌|히|았|은|아)|선발|발탁|\bselect|\bchosen\b|\bchose\b|\bpicked\b|\bwon\s(the|a)\b/,
  added:
    /추가\s?(됐|된|선정|팀|합류|로)|합류|새로\s?(들어|합류|뽑)|4\s?번째|네\s?번째|\badded\b|\bjoin(ed)?\b|fourth team|4th team|additional team/,
  applied:
    /지원\s?(했|한\s?(곳|팀|기업|컨소시엄|데)|서|하)|신청\s?(했|한)|응모|도전장|\bappl(ied|y|icants?|ications?)\b/,
  declined:
    /불참|안\s?나(가|간|갈|갔|감)|나가지\s?않|포기|재도전\s?(안|하지|않)|안\s?하기로|참여하지\s?않|declin|withdr|refus|opt(ed)? out|sit out|not (re-?)?apply/,
} as const
export type OutcomeWord = keyof typeof OUTCOME_WORDS

export const RESULTS_GENERIC =
  /결과|결론|어떻게\s?(됐|되었|됨)|어케\s?(됐|됨|되)|누가\s?(이겼|남았|올라|붙|됐)|어디\s?(가|야|였|예요)|어느\s?(팀|곳|회사|기업)|현황|순위|성적|누구야|\bresults?\b|\boutcomes?\b|who (won|is left|remains|made|got)|which (teams?|companies|consortia)|standings|ranking|\bleft\b|\bremaining\b/

export const WH_WORD =
  /누가|누구|어디|어느|뭐|무엇|무슨|몇|왜|언제|어떻게|어떤|\b(who|which|what|why|when|how|where)\b/
/** Korean endings and English tags that ask for confirmation of a statement ("…했지?", "…, right?"). */
export const CONFIRM =
  /(지|죠|지요|잖아|맞지|맞죠|맞아|맞나요?|아냐|아니야|아닌가)\s?\??$|, ?(right|correct|true|yes|no|isn'?t (it|that so)|didn'?t (it|they)|wasn'?t it|weren'?t they|am i right|hasn'?t it)\s?\??$|^(did|was|were|is|are|has|have|does|do|had)\b|\bright\s?\?$/
export const NEGATION_KO =
  /안\s?(떨어|붙|올라|됐|뽑|진출|탈락|선정|했|되)|않았|않은|않고|못\s?(했|갔|올라|붙|들어)|못했/
export const NEGATION_EN = /\b(not|never)\b|n't\b/
export const EN_TAG =
  /,\s?(right|correct|true|isn'?t (it|that so)|didn'?t (it|they|he|she)|wasn'?t it|weren'?t they|hasn'?t it)\s?\??$/

export const ASPECTS = {
  score:
    /점수|몇\s?점|점이야|점\s?받|득점|스코어|총점|몇\s?등|몇\s?위|\d\s?등(?!급)|일등|꼴등|꼴찌|등수|순위|\d\s?위(?!원|험|해)|최하위|최고점|최저점|평균|\bscores?\b|\bpoints?\b|scored|\branks?\b|\branked\b|\branking\b|first place|second place|last place|came (first|last|second|third)|highest|lowest|\baverage\b/,
  dispute:
    /논란|의혹|베꼈|베낀|베끼|복사|표절|카피|도용|\bcop(y|ied)\b|plagiar|disput|controvers|allegation|accus|derived from/,
  members:
    /멤버|구성원|컨소시엄\s?(은|는|에는?)?\s?몇|몇\s?(곳|군데|개\s?(사|기관|기업|회사))\s?(이|가)?\s?(참여|들어)|구성|참여사|참여\s?(기업|기관|회사)|참여한\s?(곳|기업|회사)|파트너|협력사|컨소시엄\s?(사|에|은|는|멤버|참여)|누가\s?(같이|함께|참여)|함께\s?하는|누구누구|어디\s?어디|\bmembers?\b|partners?|who('s| is) (in|part of)|participat|made up of|companies (are )?in/,
  model:
    /모델|엘엘엠|llm|파라미터|매개\s?변수|크기|사양|스펙|아키텍처|컨텍스트|라이선스|라이센스|\bmodels?\b|param|\bspecs?\b|architecture|context (window|length)|licen[cs]e|how (big|large)/,
  goal: /목표|목적|지향|계획|비전|하려는|만들려는|\bgoals?\b|\baims?\b|\bplans?\b|trying to|objective|vision/,
  status:
    /상태|현황|지금|현재|아직|살아\s?있|남아\s?있|\bstatus\b|\bstill\b|\bnow\b|currently|what happened to/,
} as const
/** 'describe': what the sources say a team or model is like (focus, scale, approach), set by a question frame. */
export type Aspect = keyof typeof ASPECTS | 'profile' | 'describe'

export const PROGRAM_TOPICS: [FactTopic, RegExp][] = [
  [
    'retender',
    /재공모|추가\s?공모|추가\s?모집|패자\s?부활|re-?tender|additional call|extra slot|revival round/,
  ],
  [
    'related-program',
    /특화\s?(모델|파운데이션|프로젝트|트랙)|domain[\s-]?speciali[sz]ed|speciali[sz]ed (model|track)/,
  ],
  [
    'scoring',
    /평가\s?(기준|방식|방법|항목|요소|배점)|배점|채점|심사\s?기준|어떻게\s?평가|criteria|how (are|were|is|was) .{0,30}(evaluated|judged|scored|graded)|\bscoring\b|rubric|평가\s?구성/,
  ],
  [
    'originality',
    /독자성|프롬\s?스크래치|from\s?scratch|자체\s?개발\s?기준|베꼈|복사|표절|카피|originality|\bcop(y|ied)\b|plagiar|derivative|파생\s?모델/,
  ],
  [
    'budget',
    /예산|사업비|얼마|몇\s?억|몇\s?조|금액|지원금|재원|\bbudget|how much (money|funding|is|was|will)|funding|₩|\d\s?(bn|billion|million|trillion)?\s?won\b|\bkrw\b/,
  ],
  ['gpu', /gpu|지피유|그래픽\s?카드|b200|h100|h200|엔비디아|nvidia|컴퓨팅\s?자원|연산\s?자원/],
  ['data', /데이터|\bdata\b|datasets?/],
  ['talent', /인재|인력|해외\s?연구자|\btalent|recruit|personnel|researchers? from abroad/],
  ['open-source', /오픈\s?소스|오픈\s?웨이트|가중치\s?공개|open[\s-]?(source|weights?)/],
  ['title', /칭호|타이틀|k-?ai\s?(모델|기업)\s?(칭호|타이틀|명칭|이라는)|\btitles?\b/],
  [
    'agencies',
    /주관\s?(부처|기관)|운영\s?(기관|하는)|담당\s?(기관|부처)|전담|어느\s?부처|누가\s?(주관|운영|진행|관리|하는)|어디서\s?(주관|운영|하는|진행)|who runs|who (is )?(running|organi[sz]ing|managing|in charge)|\bagenc(y|ies)|which ministry/,
  ],
  [
    'structure',
    /몇\s?(팀|개\s?팀|곳|개\s?사|개\s?컨소시엄)|팀\s?수|구조|진행\s?방식|어떻게\s?진행|어떻게\s?(줄|좁)|압축|서바이벌|how many teams|structure|how does (it|the (program|project)) work|narrow(ed)? down|format|지원\s?기간|몇\s?년|how many years|how long .{0,30}(fund|support)|(funded|supported) for/,
  ],
  [
    'support',
    /지원\s?(내용|규모|해|해줘|받|하는|혜택|은|이)|혜택|뭘\s?지원|무엇을\s?지원|어떤\s?지원|\bsupport|\bbenefits?\b|what do (teams|they) get/,
  ],
  [
    'goal',
    /목표|목적|취지|무엇을\s?위한|왜\s?하는|왜\s?만든|95\s?%|\bgoals?\b|\baims?\b|\bpurpose\b|objective|why (does|did|is) .{0,20}(exist|program|project)/,
  ],
  ['name', /이름|명칭|영어로|영문|별명|애칭|줄임말|약자|\bnames?\b|\bcalled\b|stand for|nickname|abbreviat/],
  ['history', /wbl|전신|월드\s?베스트|world best|\bhistory\b|이전\s?정부|윤석열|\borigins?\b/],
  ['epoch', /에포크|에포치|epoch|notable\s?ai|주목할\s?만한/],
  [
    'reception',
    /걱정|우려|비판|반발|반응|낙인|업계\s?(에서|는|의|목소리)|목소리|\bworr|concern|critici|backlash|stigma|industry (say|said|think|thought|react)/,
  ],
  ['schedule', SCHEDULE],
]

export const FINAL_TWO =
  /최종\s?(2|두|투)\s?(팀|개|곳|자리)?|최종\s?(우승|승자|선정|결과|팀)|마지막\s?(2|두)\s?(팀|곳)|우승\s?(팀|자)|final (two|2|winners?|teams?|round|selection|pick)|last two|who wins|winners?\b/

/** Keywords that point at a kind of dated event, for "언제…?" questions. */
export const EVENT_KINDS: [EventKind[], RegExp][] = [
  [
    ['retender-call', 'retender-applications', 'addition'],
    /재공모|추가\s?(공모|모집|선정|팀)|패자\s?부활|re-?tender|additional (call|team|slot)|added|\bjoin(ed)?\b|extra slot|모티프|motif/,
  ],
  [['presentation'], /발표회|코엑스|coex|presentation|showcase|시연/],
  [['dispute'], /논란|의혹|disput|controvers|allegation|accus/],
  [['screening'], /서류|screening|document review|shortlist|10\s?(곳|개|팀)/],
  [
    ['call'],
    /공모.{0,8}(시작|개시|열|냈|나왔)|공고|모집\s?(시작|공고)|call (for|opened|open)|opened the call|launch/,
  ],
  [['applications'], /지원\s?마감|접수|마감|신청|\bapplications?\b|\bapplied\b|\bapply\b|15\s?(곳|개)/],
  [['selection'], /정예팀\s?(선정|발표|선발)|선정|선발|뽑|selected|selection|chosen|picked/],
  [['evaluation', 'scheduled'], /평가|결과\s?발표|탈락|진출|evaluation|results?|eliminat|advanc/],
]

export const GLOSSARY_ASK =
  /뭐야|뭐예요|뭔가요|뭐임|뭐지|뭐에요|무엇인가|무엇이에요|무엇입니까|뭔데|뜻|의미|정의|약자|줄임말|준말|풀네임|풀\s?네임|란\s?\??$|이란|라는\s?게|라는\s?건|가\s?뭐|는\s?뭐|what('s| is| are| does)|\bmeans?\b|\bmeaning\b|\bdefin|stand for|explain/

export const QUOTE =
  /뭐라고|말했|발언|언급|인용|코멘트|한\s?말|입장|반응|소감|밝혔|의견|얘기|이야기|\bsaid\b|\bsay\b|\bsays\b|quotes?|comment|statement|react|response|\bview\b|\bthink\b/
export const WHERE = /어디서|어디에서|장소|\bwhere\b|venue/
export const WHO_IS = /누구|어떤\s?사람|직책|직함|\bwho (is|was)\b|\brole\b|\bposition\b/

/** "…라고 누가 말했어?", "who said …": the question gives the words and asks for the speaker. */
export const WHO_SAID =
  /누가\s?(말|한\s?말|했|그랬|주장|얘기|언급|발언)|(발언|말|얘기|주장|멘트|소리)\s?(은|는|을|를)?\s?(누가|누구)|누구\s?(말|발언|얘기)|(한|했던|말한|주장한|얘기한)\s?(사람|분|말)|(라고|다고|자고|냐고)\s?(한|했|말|주장|누가|얘기|그랬|언급)|\bwho (said|says|wrote|claimed|called|stated|told)\b|whose (words|quote)|\bsaid by\b/

/** Roles people ask a team's person by ("NC AI 대표 누구야", "CEO of Motif"); each group names one role. */
export const ROLE_GROUPS: readonly RegExp[] = [
  /부사장|vice president|\bvp\b/,
  /대표|\bceo\b|chief executive/,
  /회장|\bchair(man|woman|person)?\b/,
  /차관|vice minister/,
  /장관|\bminister\b/,
  /원장|소장|실장|연구소장|\bhead\b|\bdirector\b/,
  /창업자|설립자|founder/,
]

export const CURRENT =
  /지금|오늘|현재|남은|남아|살아\s?남|아직|요즘|최신|최근\s?(상황|현황)|\bstill\b|\bremaining\b|\bleft\b|currently|\bnow\b|\btoday\b|latest/

/**
 * Questions about today (compose/now.ts): what comes next, which stage we are in, what is new. Checked
 * before the other rules, and only when no team or person is named and no outcome word is used
 * ("다음 단계에 진출한 팀" asks for results, not for the next event).
 */
export const NOW_ASKS = {
  next: /다음\s?(평가|단계|일정|차례|라운드|발표|스케줄|심사|이벤트|행사|순서)|다음\s?(은|엔|에는|에)?\s?(뭐|뭔|무슨|언제)|앞으로\s?(일정|남은|뭐|어떻게)|향후\s?(일정|계획)|남은\s?일정|what('s| is| comes)? next|\bnext (evaluation|round|phase|stage|step|event|milestone|date|deadline|cut)\b|when is the next|\bupcoming\b|\bnext\s*\?$/,
  stage:
    /몇\s?차(야|냐|임|예요|에요|인가|지|인지|쯤|까지|\s?단계)|몇\s?단계|어느\s?단계|어디까지\s?(왔|진행|했|갔)|지금\s?(어디|어느|상황|단계)|현재\s?(상황|단계|진행)|진행\s?(상황|상태)|where (are we|are things|is it|does it stand|do things stand)|what stage|which (stage|phase|round) (are|is)|current (stage|phase|situation)|how far along|\bstatus update\b/,
  latest:
    /최신\s?(소식|뉴스|동향|근황|업데이트|정보)|최근\s?(소식|뉴스|동향|근황|업데이트)|새\s?소식|새로운\s?(소식|거|것|뉴스)|요즘\s?(어때|어떄|어떻|어떰|상황|분위기|근황|뭐)|근황|소식\s?(있|없|좀)|뉴스\s?(있|없|좀)|업데이트\s?(있|된|됐)|what'?s new|\bany (news|updates?)\b|\blatest (news|updates?|developments?)\b|what('s| is) (the )?latest|^\s*latest\s*\??$|\brecent (news|developments|updates)\b|what('s| has) happened (lately|recently)/,
} as const
export type NowAsk = keyof typeof NOW_ASKS

/** Words that place a question inside the programme (teams, rounds, calls) when no name is given. */
export const DOMAIN =
  /팀|컨소시엄|정예|평가|단계|라운드|공모|독파모|국가대표|k-?ai|\bteams?\b|consorti|\bround|\bphase|\bstage|evaluation|programme|program|project|elite|\bcall\b|re-?tender/

export const COUNT = /몇\s?(곳|개|팀|개\s?팀|개\s?사|명)|how many/

/**
 * Words people use to ask about the programme that the sources themselves never write (the corpus says
 * "95%", not 퍼센트). A question word outside the corpus and outside this lexicon means the question is
 * about something the bot does not know (매출, 웹툰, employees): see unknown-words.ts.
 */
export const QUESTION_WORDS = new Set(
  (
    '퍼센트 프로 라운드 사람 부처 기관 회사 기업 갖다 가져다 가져온 빌려 시킨 시켰 시키 발표한 발표된 뽑은 ' +
    '정해 정해진 정했 정하 나왔 나온 나와 알려진 됐는 되는 된거 했던 하던 이름 번째 몇번째 순서 총 전체 ' +
    '제일 가장 최고 최저 개수 밝힌 처음 원래 최초 맨처음 나중 ' +
    '소속 이거 저거 이게 그거 어케 어떰 어떰요 어떻냐 되면 됐냐 됐음 했냐 시켰어 시켰냐 시켜 나가 나간 나갈 나갔 나감 ' +
    'one two three four five six first second third fourth fifth ' +
    'won win wins winner came come comes ' +
    'work works worked length size long big close closed open opened start started end ended happen happened ' +
    'mean means number count date day month year right correct true false yes really actually sure ' +
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    '소식 뉴스 근황 동향 업데이트 상황 진행 요즘 최신 최근 다음 앞으로 향후 news update updates latest new next upcoming stage situation lately recently'
  ).split(' '),
)

/** Every pattern the router listens for: a word they match is part of how people ask, not a topic. */
export const LEXICON: readonly RegExp[] = [
  HELP,
  ...OUT_OF_SCOPE,
  WHY,
  WHEN,
  SCHEDULE,
  ...Object.values(OUTCOME_WORDS),
  RESULTS_GENERIC,
  WH_WORD,
  ...Object.values(ASPECTS),
  ...PROGRAM_TOPICS.map(([, re]) => re),
  FINAL_TWO,
  ...EVENT_KINDS.map(([, re]) => re),
  GLOSSARY_ASK,
  QUOTE,
  WHO_IS,
  WHO_SAID,
  ...ROLE_GROUPS,
  CURRENT,
  DOMAIN,
  COUNT,
  ...Object.values(NOW_ASKS),
]
