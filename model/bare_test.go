package model

import (
	"regexp"
	"testing"
)

// ordinalByRegexp is what BareTitle stands for.
var ordinalByRegexp = regexp.MustCompile(`^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}(?:[，,、]|部分))\s*`)

func FuzzBareTitle(f *testing.F) {
	for _, s := range []string{"一、2022年工作回顾", "（三）推动发展", "(十二) 民生", "第二部分 工作", "第三，", "十一十、x", "一二三四、x", "（一)x", "第一章", "二、\t\n 标题", "、x", "（）", "第、"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := BareTitle(s), ordinalByRegexp.ReplaceAllString(s, ""); got != want {
			t.Fatalf("%q: %q, want %q", s, got, want)
		}
	})
}
