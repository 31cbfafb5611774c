import { describe, expect, it } from 'vitest'
import { findAbsolutePaths } from '../../../src/core/index.js'

const found = (text: string) => findAbsolutePaths('x.yaml', text).map((i) => `${i.line}: ${i.message}`)

describe('findAbsolutePaths', () => {
  it('reports a Unix path of a machine with its line when a comment names one', () => {
    expect(found('a: 1\n# from /home/dev/shared/sources/facts.md (P5)\n')).toEqual([
      "2: absolute path '/home/dev/shared/sources/facts.md' — name files relative to the repository (the shared folder is ../shared/)",
    ])
  })

  it('reports home-relative, Windows and file:// paths when text names them', () => {
    expect(found('~/notes/facts.md\nC:\\Users\\me\\facts.md\nfile:///srv/facts.md')).toHaveLength(3)
  })

  it('reports every path when one line holds two', () => {
    expect(found("kept as /mnt/a/b.txt and '/opt/c/d.txt'")).toHaveLength(2)
  })

  it('accepts relative paths, URLs, slash commands and slashed words when there is no absolute path', () => {
    const ok = [
      '# P5 names the item of ../shared/sources/facts.md',
      'see documents/phase1-debate.md and corpus/README.md',
      'url: https://www.msit.go.kr/bbs/view.do?sCode=user&nttSeqNo=3186',
      'cited as <https://example.com/a/b> or [x](http://example.org/path/to)',
      '`/kai subscribe`, /results, /team 업스테이지',
      '진출/탈락/보류, LG/SKT/Upstage, 2026/01/15, 1/2, and/or',
    ]
    expect(found(ok.join('\n'))).toEqual([])
  })
})
