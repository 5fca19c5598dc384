package loader

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"baogao/model"
)

const seedDir = "../testdata/seeds"

func TestLoadSeeds(t *testing.T) {
	res := LoadFS(os.DirFS(seedDir), ".")
	if len(res.Errors) != 0 {
		t.Fatalf("errors: %v", res.Errors)
	}
	if len(res.Reports) != 8 { // 003 is a bundle of four
		t.Fatalf("%d reports", len(res.Reports))
	}
	for _, r := range res.Reports {
		checkReport(t, r)
	}
}

// checkReport asserts what must hold for any report the loader returns.
func checkReport(t *testing.T, r model.Report) {
	t.Helper()
	n := utf8.RuneCountInString(r.Body)
	if r.Chars != n {
		t.Errorf("%s: chars %d, body has %d", r.ID, r.Chars, n)
	}
	for _, s := range []string{r.Body, r.Title, r.Region, r.Speaker} {
		if !utf8.ValidString(s) {
			t.Errorf("%s: invalid UTF-8 out", r.ID)
		}
	}
	var walk func([]model.Section, int, int)
	walk = func(ss []model.Section, lo, hi int) {
		for _, s := range ss {
			if s.Start < lo || s.End > hi || s.Start > s.End {
				t.Errorf("%s: section %q [%d,%d) outside [%d,%d)", r.ID, s.Title, s.Start, s.End, lo, hi)
			}
			walk(s.Children, s.Start, s.End)
		}
	}
	walk(r.Sections, 0, n)
	for _, in := range r.Indicators {
		if in.Start < 0 || in.End > n || in.Start > in.End {
			t.Errorf("%s: indicator %q offsets [%d,%d) outside body of %d", r.ID, in.Name, in.Start, in.End, n)
			continue
		}
		if got := string([]rune(r.Body)[in.Start:in.End]); got != in.Text {
			t.Errorf("%s: indicator text %q, body there %q", r.ID, in.Text, got)
		}
		if !utf8.ValidString(in.Text) || !utf8.ValidString(in.Name) {
			t.Errorf("%s: invalid UTF-8 in indicator", r.ID)
		}
	}
}

// Bad input gets one clear error naming the file; everything else still loads.
func TestLoadBadInput(t *testing.T) {
	dir := t.TempDir()
	good, _ := os.ReadFile(filepath.Join(seedDir, "001_10a2659bde270cd6.txt"))
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("good.txt", good)
	write("sub/good2.txt", good)
	write(".hidden/skip.txt", []byte("not read"))
	write("empty.txt", nil)
	write("binary.bin", []byte("\x00\x01\x02ELF\x00\x00\x00\rIHDR"))
	write("garbage.txt", bytes.Repeat([]byte{0x81, 0x01, 0x9F, 0x02, 0x07, 0xFF}, 200))
	write("huge.txt", bytes.Repeat([]byte("增长"), MaxFileSize/6+10)) // one line past the limit
	unreadable := write("unreadable.txt", good)
	os.Chmod(unreadable, 0)
	if err := os.Symlink(dir, filepath.Join(dir, "sub", "loop")); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.txt")

	res := LoadPaths([]string{dir, missing})
	reasons := map[string]string{}
	for _, e := range res.Errors {
		reasons[filepath.Base(e.Source)] = e.Err
	}
	want := map[string]string{
		"empty.txt":   "empty file",
		"binary.bin":  "not a text document",
		"garbage.txt": "not a text document",
		"huge.txt":    "too large",
		"loop":        "symbolic link loop",
		"missing.txt": "no such file",
	}
	if os.Geteuid() != 0 { // root reads any file, so unreadable.txt loads there
		want["unreadable.txt"] = "permission denied"
	}
	for f, w := range want {
		if !strings.Contains(reasons[f], w) {
			t.Errorf("%s: error %q, want one containing %q", f, reasons[f], w)
		}
	}
	if len(res.Errors) != len(want) {
		t.Errorf("errors: %v", res.Errors)
	}
	loaded := map[string]bool{}
	for _, r := range res.Reports {
		loaded[filepath.Base(r.Source)] = true
		checkReport(t, r)
	}
	if !loaded["good.txt"] || !loaded["good2.txt"] || loaded["skip.txt"] {
		t.Errorf("loaded %v", loaded)
	}
	for _, e := range res.Errors {
		if strings.Contains(e.Error(), "\n") {
			t.Errorf("error is not one line: %q", e.Error())
		}
	}
}

// A file near the size limit on one line must not take quadratic time; the benchmark measures
// it, this only proves it finishes and keeps its text.
func TestLongSingleLine(t *testing.T) {
	line := strings.Repeat("地区生产总值增长6.5%，固定资产投资增长18%，", 25000) // ~1 MB, no line break
	reps, err := Parse("long.txt", []byte(line))
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, reps[0])
}

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	for _, p := range files {
		b, _ := os.ReadFile(p)
		f.Add(b[:min(len(b), 4000)])
	}
	f.Add([]byte("1、长安镇各位代表:现在\n2、我代表\n3、镇人民政府。主要预期目标是:地区生产总值增长6.5%o,力争超6%"))
	f.Add([]byte("\xff\xfe\x00\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		reps, err := Parse("fuzz.txt", b)
		if err != nil {
			return
		}
		for _, r := range reps {
			checkReport(t, r)
		}
	})
}

func BenchmarkLoadSeeds(b *testing.B) {
	fsys := os.DirFS(seedDir)
	var size int64
	files, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	for _, p := range files {
		st, _ := os.Stat(p)
		size += st.Size()
	}
	b.SetBytes(size)
	for b.Loop() {
		LoadFS(fsys, ".")
	}
}

// BenchmarkParseCorpus parses a 1,000-report corpus from ../shared/tools/gen-corpus on one
// goroutine: MB/s is the single-core parse rate.
func BenchmarkParseCorpus(b *testing.B) {
	gen := "../../shared/tools/gen-corpus"
	if _, err := os.Stat(gen); err != nil {
		b.Skip("gen-corpus not found beside the checkout (../shared/tools)")
	}
	dir := b.TempDir()
	if out, err := exec.Command(gen, "--out", dir, "--reports", "1000").CombinedOutput(); err != nil {
		b.Skipf("gen-corpus: %v: %s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var data [][]byte
	var size int64
	for _, p := range files {
		d, _ := os.ReadFile(p)
		data = append(data, d)
		size += int64(len(d))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for i, d := range data {
			Parse(files[i], d)
		}
	}
}

// Names with a newline or escape codes are quoted where they are printed, and two names that are
// not UTF-8 still get different ids.
func TestOddFileNames(t *testing.T) {
	dir := t.TempDir()
	seed, _ := os.ReadFile(filepath.Join(seedDir, "000_6d53da0f29ae9c0f.txt"))
	for _, name := range []string{"\xff\xfe.txt", "\xfe\xff.txt", "bad\nbaogao: ALL OK.pdf"} {
		data := seed
		if strings.HasSuffix(name, ".pdf") {
			data = []byte("%PDF-1.4 not really")
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Skipf("this file system refuses the name %q: %v", name, err)
		}
	}
	res := LoadPaths([]string{dir})
	ids := map[string]bool{}
	for _, r := range res.Reports {
		if ids[r.ID] {
			t.Errorf("two reports share the id %q", r.ID)
		}
		ids[r.ID] = true
		if !utf8.ValidString(r.ID) {
			t.Errorf("id %q is not UTF-8", r.ID)
		}
	}
	if len(ids) != 2 {
		t.Errorf("%d reports, want 2", len(ids))
	}
	for _, e := range res.Errors {
		if strings.Contains(e.Error(), "\n") {
			t.Errorf("an error line holds a raw newline: %q", e.Error())
		}
	}
}

// BenchmarkShapes parses the shapes that used to take quadratic time — one long line (a run-on
// page), many short lines, one Word paragraph — at two sizes each. ns/B should stay the same from
// one size to the next (linear time); compare the rows of one shape.
func BenchmarkShapes(b *testing.B) {
	seed, err := os.ReadFile(filepath.Join(seedDir, "000_6d53da0f29ae9c0f.txt"))
	if err != nil {
		b.Fatal(err)
	}
	runOn := strings.ReplaceAll(string(seed), "\n", "")
	// a run-on text with the headings and numbered parts a real one has, repeated to size
	oneLine := func(n int) []byte {
		return []byte(strings.Repeat(runOn, n/len(runOn)+1)[:cutAt(strings.Repeat(runOn, n/len(runOn)+1), n)])
	}
	shortLines := func(n int) []byte {
		return []byte(strings.Repeat("地区生产总值增长6%。\n（一）推动发展。\n", n/60+1))
	}
	for _, shape := range []struct {
		name string
		make func(int) []byte
		file string
	}{{"one-line", oneLine, "x.txt"}, {"short-lines", shortLines, "x.txt"}} {
		for _, size := range []int{1 << 20, 4 << 20} {
			data := shape.make(size)
			b.Run(fmt.Sprintf("%s/%dMB", shape.name, size>>20), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					Parse(shape.file, data)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(data)), "ns/B")
			})
		}
	}
}

// A text that is no work report is said to be none, not listed as an unknown report.
func TestNotAReport(t *testing.T) {
	if _, err := Parse("notes.txt", []byte("hello world\nremember to buy milk\n")); err == nil || !strings.Contains(err.Error(), "not a work report") {
		t.Errorf("notes.txt: err %v", err)
	}
	if reps, err := Parse("short.txt", []byte("各位代表：\n地区生产总值增长6%。\n")); err != nil || len(reps) != 1 {
		t.Errorf("a short report: %v", err)
	}
}
