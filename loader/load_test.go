package loader

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"baogao/model"
	"baogao/parse"
)

const seedDir = "../testdata/seeds"

func TestLoadSeeds(t *testing.T) {
	res := Load(FS(os.DirFS(seedDir), "."), Options{})
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
	for _, p := range r.Problems() {
		t.Error(p)
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
	write("huge.txt", bytes.Repeat([]byte("增长"), parse.MaxFileSize/6+10)) // one line past the limit
	unreadable := write("unreadable.txt", good)
	os.Chmod(unreadable, 0)
	if err := os.Symlink(dir, filepath.Join(dir, "sub", "loop")); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.txt")

	res := Load(Paths(dir, missing), Options{})
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
		Load(FS(fsys, "."), Options{})
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
	res := Load(Paths(dir), Options{})
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

// A text that is no work report is said to be none, not listed as an unknown report.
func TestNotAReport(t *testing.T) {
	if _, err := parse.Parse("notes.txt", []byte("hello world\nremember to buy milk\n")); err == nil || !strings.Contains(err.Error(), "not a work report") {
		t.Errorf("notes.txt: err %v", err)
	}
	if reps, err := parse.Parse("short.txt", []byte("各位代表：\n地区生产总值增长6%。\n")); err != nil || len(reps) != 1 {
		t.Errorf("a short report: %v", err)
	}
}

// A folder of files that cannot be read gives one error each and the reports of the rest.
func TestUnreadableFilesInAFolder(t *testing.T) {
	dir := t.TempDir()
	good, _ := os.ReadFile(filepath.Join(seedDir, "001_10a2659bde270cd6.txt"))
	os.WriteFile(filepath.Join(dir, "good.txt"), good, 0o644)
	bad := map[string]string{"scan.png": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "reports.rar": "Rar!\x1A\x07\x01\x00",
		"report.rtf": `{\rtf1\ansi 政府工作报告}`, "broken.docx": "PK\x03\x04broken", "empty.txt": ""}
	for name, b := range bad {
		os.WriteFile(filepath.Join(dir, name), []byte(b), 0o644)
	}
	res := Load(Paths(dir), Options{})
	if len(res.Reports) != 1 || len(res.Errors) != len(bad) {
		t.Errorf("%d reports, %d errors (%v), want 1 and %d", len(res.Reports), len(res.Errors), res.Errors, len(bad))
	}
}

// A saved web page's asset folder (报告_files beside 报告.html) is not read as reports; another
// folder of that shape without its page is.
// A page saved "complete" brings a folder of images and scripts; only the page is read.
func TestSavedPageAssets(t *testing.T) {
	dir := t.TempDir()
	text, _ := os.ReadFile(filepath.Join(seedDir, "001_10a2659bde270cd6.txt"))
	page := "<html><head><meta charset=\"utf-8\"></head><body><div><p>" + strings.ReplaceAll(string(text), "\n", "</p><p>") + "</p></div></body></html>"
	os.WriteFile(filepath.Join(dir, "报告.html"), []byte(page), 0o644)
	os.MkdirAll(filepath.Join(dir, "报告_files"), 0o755)
	os.WriteFile(filepath.Join(dir, "报告_files", "logo.png"), []byte("\x89PNG\r\n\x1a\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "报告_files", "jquery.js"), []byte("var a=1;"), 0o644)
	os.MkdirAll(filepath.Join(dir, "other_files"), 0o755) // no page of that name: read as usual
	os.WriteFile(filepath.Join(dir, "other_files", "scan.png"), []byte("\x89PNG\r\n\x1a\n"), 0o644)
	res := Load(Paths(dir), Options{})
	if len(res.Reports) != 1 || len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Source, "other_files") {
		t.Errorf("reports %d, errors %v", len(res.Reports), res.Errors)
	}
}
