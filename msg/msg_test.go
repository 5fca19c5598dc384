package msg

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
)

func verbs(f string) []string {
	var out []string
	for _, v := range verbRE.FindAllString(f, -1) {
		if v != "%%" {
			out = append(out, v)
		}
	}
	return out
}

// Both languages are complete: every message has both forms, with the same verbs in the same
// order (the arguments are given once, for either).
func TestTableComplete(t *testing.T) {
	for id, e := range table {
		if strings.TrimSpace(e[0]) == "" || strings.TrimSpace(e[1]) == "" {
			t.Errorf("%s: a form is empty: %q", id, e)
		}
		if zh, en := verbs(e[0]), verbs(e[1]); fmt.Sprint(zh) != fmt.Sprint(en) {
			t.Errorf("%s: verbs differ: zh %v, en %v", id, zh, en)
		}
		if sayable(id) && len(verbs(e[1])) > 0 && strings.Trim(verbRE.ReplaceAllString(e[1], ""), " :;,.()") == "" {
			t.Errorf("%s: an English form said back (Say) needs words around its verbs: %q", id, e[1])
		}
	}
}

// sample is an argument for a verb, as the message would be given it.
func sample(v string, i int) any {
	switch {
	case strings.HasSuffix(v, "d"):
		return 7 + i
	case strings.HasSuffix(v, "f"):
		return 1.5
	case strings.HasSuffix(v, "o"):
		return fs.FileMode(0o644)
	}
	return fmt.Sprintf("f%d.txt", i)
}

// What the data keeps in English reads in Chinese on screen: every message Say knows, made in
// English with sample arguments, says itself back as Chinese made with the same arguments.
func TestSayGivesChinese(t *testing.T) {
	for id, e := range table {
		if !sayable(id) {
			continue
		}
		var args []any
		for i, v := range verbs(e[1]) {
			args = append(args, sample(v, i))
		}
		en := EN.T(id, append([]any(nil), args...)...)
		want := ZH.T(id, append([]any(nil), args...)...)
		if got := ZH.Say(en); got != want {
			// two English forms may read alike; then either Chinese will do only if they agree
			t.Errorf("%s: Say(%q) = %q, want %q", id, en, got, want)
		}
		if got := EN.Say(en); got != en {
			t.Errorf("%s: EN.Say changed %q to %q", id, en, got)
		}
	}
}

func TestErrorsNestAndUnwrap(t *testing.T) {
	inner := E("text.empty")
	err := E("docx.part", "word/document.xml", inner)
	if !errors.Is(err, inner) {
		t.Error("errors.Is does not see through E")
	}
	if got, want := err.Error(), "damaged Word file (word/document.xml: empty file)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got, want := ZH.Err(err), "Word 文件已损坏（word/document.xml：空文件）"; got != want {
		t.Errorf("ZH.Err = %q, want %q", got, want)
	}
	// a wrapped system error keeps its own words inside ours
	sys := fmt.Errorf("open x: %w", fs.ErrPermission)
	if got, want := ZH.Err(E("state.unreadable", "s.json", sys)), "审阅记录 s.json：open x: permission denied"; got != want {
		t.Errorf("ZH.Err = %q, want %q", got, want)
	}
	// a number inside a message is not taken for a message of its own
	if got, want := ZH.Say("page markers removed: 18"), "去掉页码标记 18 处"; got != want {
		t.Errorf("Say = %q, want %q", got, want)
	}
	if got := ZH.Say("open x: no such device"); got != "open x: no such device" {
		t.Errorf("Say changed a system message: %q", got)
	}
}

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Lang
		ok   bool
	}{{"en", EN, true}, {"EN", EN, true}, {"en_US.UTF-8", EN, true}, {"zh", ZH, true}, {"zh_CN.UTF-8", ZH, true}, {"zh-TW", ZH, true}, {"", ZH, false}, {"fr", ZH, false}} {
		if got, ok := Parse(c.in); got != c.want || ok != c.ok {
			t.Errorf("Parse(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
	if FromEnv(func(string) string { return "en" }) != EN || FromEnv(func(string) string { return "" }) != ZH {
		t.Error("FromEnv")
	}
}

// A message inside a message inside a message: the reading that covers the most is meant.
func TestSayNested(t *testing.T) {
	en := EN.T("cache.rebuilding", E("cache.export-partly", "/tmp/a/b.export", 1))
	if got, want := ZH.Say(en), "导出缓存 /tmp/a/b.export 部分未使用：1 份损坏（正在重建）"; got != want {
		t.Errorf("Say(%q) = %q, want %q", en, got, want)
	}
}
