package width

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
)

// The narrow measure must agree with lipgloss, cell for cell, on real report text — or borders
// drawn by lipgloss around text laid out by us go ragged.
func TestAgreesWithLipgloss(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/seeds/*.txt")
	if len(files) == 0 {
		t.Fatal("no seed files")
	}
	extra := "“四好农村路”‘单引号’……·—–①②③ＡＢＣ１２３％（括号）【书名】《报告》、，。；：！？ ABC abc 123 1215.57亿元 13.5%o ViVO\t"
	seen := map[rune]bool{}
	check := func(s string) {
		for _, r := range s {
			if seen[r] || r == '\n' || r == '\r' || r == '\t' {
				continue
			}
			seen[r] = true
			if got, want := Narrow().String(string(r)), lipgloss.Width(string(r)); got != want {
				t.Errorf("%q U+%04X: width %d, lipgloss %d", r, r, got, want)
			}
		}
	}
	check(extra)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		check(string(b))
		for _, ln := range strings.Split(string(b), "\n") {
			ln = strings.ReplaceAll(ln, "\t", " ")
			if got, want := Narrow().String(ln), lipgloss.Width(ln); got != want {
				t.Errorf("%s: line width %d, lipgloss %d: %.40q", filepath.Base(f), got, want, ln)
			}
		}
	}
	if len(seen) < 1000 {
		t.Errorf("only %d distinct characters checked", len(seen))
	}
}

func TestAmbiguousWide(t *testing.T) {
	wide := NewMeasure(true)
	for _, r := range "“”‘’…·" {
		if Narrow().Rune(r) != 1 || wide.Rune(r) != 2 {
			t.Errorf("%q: narrow %d, east-asian %d", r, Narrow().Rune(r), wide.Rune(r))
		}
	}
	if Narrow().Rune('中') != 2 || Narrow().Rune('a') != 1 || Narrow().Rune('，') != 2 {
		t.Error("basic widths wrong")
	}
}

func TestTruncateAndPad(t *testing.T) {
	tests := []struct {
		s    string
		w    int
		want string
	}{
		{"地区生产总值", 7, "地区生…"},
		{"地区生产总值", 12, "地区生产总值"},
		{"地区生产总值", 1, "…"},
		{"ab中", 3, "ab…"},
		{"ab中", 4, "ab中"},
	}
	for _, tt := range tests {
		if got := Narrow().Truncate(tt.s, tt.w, "…"); got != tt.want || Narrow().String(got) > tt.w {
			t.Errorf("Truncate(%q, %d) = %q", tt.s, tt.w, got)
		}
	}
	if got := Narrow().PadRight("中a", 5); got != "中a  " {
		t.Errorf("PadRight = %q", got)
	}
	if got := Narrow().PadLeft("中", 4); got != "  中" {
		t.Errorf("PadLeft = %q", got)
	}
}
