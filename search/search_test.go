package search

import "testing"

func TestFind(t *testing.T) {
	text := "一是发展新质生产力。二是低空经济起步；新质生产力加快培育！\n三是ＰＭ２．５浓度下降。新质生产力和低空经济都要抓。"
	for _, c := range []struct {
		query string
		count int
		first string
	}{
		{"新质生产力", 3, "一是发展新质生产力。"},
		{"新质生产力 低空经济", 2, "二是低空经济起步；新质生产力加快培育！"}, // ； does not end a sentence
		{"低空经济　新质生产力", 2, "二是低空经济起步；新质生产力加快培育！"}, // an ideographic space parts terms too
		{"发展 培育", 0, ""},
		{"ＰＭ2.5", 0, ""}, // the text is folded by the loader; here it is not: no hit
		{"氢冶金", 0, ""},
	} {
		h, n, ok := Parse(c.query).Find(text)
		if n != c.count || ok != (c.count > 0) || ok && text[h.SentStart:h.SentEnd] != c.first {
			t.Errorf("%q: %d hits, first %q", c.query, n, text[h.SentStart:h.SentEnd])
		}
	}
	folded := "三是PM2.5浓度下降。"
	if _, n, _ := Parse("ＰＭ２．５").Find(folded); n != 1 {
		t.Error("a full-width query does not find the folded text")
	}
	if h, _, _ := Parse("浓度").Find(folded); Runes(folded, h.Start) != 7 {
		t.Errorf("rune offset %d", Runes(folded, h.Start))
	}
}

func FuzzFind(f *testing.F) {
	f.Add("新质生产力", "一是发展新质生产力。二是")
	f.Fuzz(func(t *testing.T, q, text string) {
		h, n, ok := Parse(q).Find(text)
		if ok && (h.Start < h.SentStart || h.End > h.SentEnd || h.SentEnd > len(text) || n < 1) {
			t.Fatalf("hit %+v of %d in %d bytes", h, n, len(text))
		}
	})
}
