package gazetteer

import (
	"baogao/parse/runes"
	"maps"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

func TestComplete(t *testing.T) {
	tests := []struct{ in, want string }{
		{"亳州市", "亳州市"},
		{"黔东南州", "黔东南苗族侗族自治州"},
		{"甘孜州", "甘孜藏族自治州"},
		{"六盘水", "六盘水市"},
		{"海拉尔区", "海拉尔区"},
	}
	for _, tt := range tests {
		ps := Complete(tt.in)
		if len(ps) == 0 || ps[0].Name != tt.want {
			t.Errorf("Complete(%q) = %v, want %s", tt.in, ps, tt.want)
		}
	}
	if ps := Complete("消费市"); len(ps) != 0 {
		t.Errorf("消费市 is no place, got %v", ps)
	}
}

func TestChooseAmbiguous(t *testing.T) {
	ps := Named("长安镇")
	if len(ps) < 10 {
		t.Fatalf("the tables hold eleven 长安镇, got %d", len(ps))
	}
	p, ok := Choose(ps, "东莞市长安镇……东莞……广东")
	if !ok || p.Code != "441900119" || p.Prefecture != "东莞市" || p.Province != "广东省" {
		t.Errorf("长安镇 beside 东莞 = %+v %v", p, ok)
	}
	if _, ok := Choose(ps, "长安镇经济社会发展"); ok {
		t.Error("a text that names no province or prefecture must leave the code undecided")
	}
}

// parentCounts counts as a search for each stem does, for town names that many places bear and
// texts that name their parents, overlapping and side by side.
func FuzzParentCounts(f *testing.F) {
	f.Add("白水镇", "陕西省渭南市白水县白水镇，渭南渭南陕西")
	f.Add("建设镇", "黑龙江黑龙江省建设镇")
	f.Add("长安镇", "东莞市长安镇……东莞……广东")
	f.Add("永安镇", "福建福建福建")
	f.Fuzz(func(t *testing.T, name, text string) {
		ps := Named(name)
		got := parentCounts(ps, text)
		for _, p := range ps {
			for _, parent := range []string{p.Province, p.Prefecture} {
				if s := Stem(parent); parent != "" && utf8.RuneCountInString(s) >= 2 {
					if want := runes.Occurrences(text, s); got[s] != want {
						t.Fatalf("%s in %q: %d, want %d", s, text, got[s], want)
					}
				}
			}
		}
	})
}

func TestNoCountyLevelCity(t *testing.T) {
	if ps := Named("中山市"); len(ps) != 1 || ps[0].Code != "4420" {
		t.Errorf("中山市 = %v, want the prefecture only", ps)
	}
}

func TestMentioned(t *testing.T) {
	ms := Mentioned("亳州发展。亳州建设。合作共赢。亳州", false, func(p Place) bool { return p.Rank() == 2 })
	if len(ms) == 0 || ms[0].Stem != "亳州" || ms[0].N != 3 {
		t.Errorf("Mentioned = %+v", ms)
	}
}

// BenchmarkBuild is the one-time cost a process pays on its first lookup.
func BenchmarkBuild(b *testing.B) {
	for b.Loop() {
		build(false)
	}
}

func BenchmarkBuildTowns(b *testing.B) {
	for b.Loop() {
		build(true)
	}
}

// FuzzMention: the bitset of stem beginnings skips only places where no stem begins.
func FuzzMention(f *testing.F) {
	for _, s := range []string{"亳州发展。亳州建设。合作共赢。亳州", "在长安镇和虎门镇，东莞市", "六盘水市钟山区大河镇", "x亳", "亳"} {
		f.Add(s)
	}
	// the seed reports name places of every level
	files, _ := filepath.Glob("../../testdata/seeds/*.txt")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil && utf8.Valid(b) {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, towns := range []bool{false, true} {
			got, want := Mention(s, towns).counts, mention(s, towns, false).counts
			if !maps.Equal(got, want) {
				t.Fatalf("%q (towns %v): %v, want %v", s, towns, got, want)
			}
		}
	})
}
