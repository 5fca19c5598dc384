package parse

import (
	"strings"
	"testing"
)

// needsFoldingByRunes is needsFolding as it was written first, rune by rune: the byte scan must
// say the same of every text.
func needsFoldingByRunes(s string) bool {
	for _, r := range s {
		switch {
		case r < 0x80:
			if r == '\r' || r == '\t' {
				return true
			}
		case r == '\u00a0', r == '\u00ad', r >= '\u2002' && r <= '\u200d', r == '\u3000', r == '\ufeff', r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ', r == '％', r == '．':
			return true
		}
	}
	return false
}

func FuzzNeedsFolding(f *testing.F) {
	for _, s := range []string{"", "abc", "增长５％", "a\tb", "\u00a0", "\u200b", "\u3000", "\ufeff", "ＡＺａｚ", "．", "ｿ", "\u2001", "\u200e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if needsFolding(s) != needsFoldingByRunes(s) {
			t.Fatalf("%q: %v", s, needsFolding(s))
		}
	})
}

// A year phrase found from its 年 is the regexp's own leftmost match.
func FuzzYearPhrase(f *testing.F) {
	f.Add("二、2023年主要工作和2024年发展目标。12024年主要目标", 300)
	f.Add("2019年1月14日在河北省第十三届人民代表大会", 0)
	f.Fuzz(func(t *testing.T, s string, pad int) {
		s = strings.Repeat("，", min(max(pad, 0), 200)) + s // long enough to take the fast path
		for _, y := range []yearPhrase{planYear, reviewYear, deliveredOn} {
			if a, b := y.FindStringSubmatch(s), y.re.FindStringSubmatch(s); strings.Join(a, "|") != strings.Join(b, "|") || (a == nil) != (b == nil) {
				t.Fatalf("%q: %q, regexp %q", s, a, b)
			}
		}
	})
}

func TestHeadingKeywordsAreTheRegexp(t *testing.T) {
	if len(headingKeywords) != 16 || strings.ContainsAny(strings.Join(headingKeywords, ""), `\()[]|.*+?`) {
		t.Fatalf("the words are not the regexp's alternatives: %q", headingKeywords)
	}
	for _, s := range []string{"一、2023年工作回顾", "今年的主要任务是", "没有关键词", "工作", "主要目标和重点工作"} {
		if hasHeadingKeyword(s) != headingKeyword.MatchString(s) {
			t.Errorf("%q", s)
		}
	}
}
