package commands

import (
	"baogao/msg"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"baogao/internal/testenv"
	"baogao/loader"
	"baogao/model"
	"baogao/tui/width"
)

// TestMain keeps every test away from the user's own review state and parse cache, and runs
// them from the repository's root, as a user runs baogao: the paths the tests give
// (testdata/seeds) and the sources the export goldens show are the ones a user sees, and those
// goldens live in the root's testdata.
func TestMain(m *testing.M) { testenv.Main(m, "..") }

// sample is the seed reports as the binary embeds them: the same paths, read from disk.
var sample = os.DirFS(".")

// runCmd runs a command line in English, which most tests read (TestLanguageChoice the rest).
func runCmd(args ...string) (string, string, int) { return runIn(msg.EN, args...) }

func runIn(lang msg.Lang, args ...string) (string, string, int) {
	var out, errb bytes.Buffer
	code := Run(args, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Sample: sample, SampleRoot: "testdata/seeds", Lang: lang})
	return out.String(), errb.String(), code
}

// The command line speaks Chinese unless asked for English (BAOGAO_LANG, which main puts in
// Env.Lang, or --lang anywhere before "--"); its flags stay English; the export's data does not
// change with the language.
func TestLanguageChoice(t *testing.T) {
	cases := []struct {
		lang         msg.Lang
		args         []string
		stdout, errs string
		code         int
	}{
		{msg.ZH, []string{"help"}, "用法：", "", 0},
		{msg.ZH, []string{"help", "--lang", "en"}, "Usage:", "", 0},
		{msg.EN, []string{"--lang=zh", "help"}, "用法：", "", 0},
		{msg.ZH, []string{"targets", "--help"}, "输出格式", "", 0},
		{msg.ZH, []string{"targets", "--help", "--lang", "en"}, "output format", "", 0},
		{msg.ZH, []string{"targets", "nosuchplace"}, "", "没有与 \"nosuchplace\" 相符的报告", 0},
		{msg.EN, []string{"targets", "nosuchplace"}, "", "no report matches \"nosuchplace\"", 0},
		{msg.ZH, []string{"taregts"}, "", "是不是 targets", exitUsage},
		{msg.ZH, []string{"--lang", "fr", "help"}, "", "--lang \"fr\"：只有 zh 和 en", exitUsage},
		{msg.ZH, []string{"help", "--lang"}, "", "--lang 需要一个值", exitUsage},
	}
	for _, c := range cases {
		out, errs, code := runIn(c.lang, c.args...)
		if code != c.code || !strings.Contains(out, c.stdout) || !strings.Contains(errs, c.errs) {
			t.Errorf("%v %q: code %d\nstdout %.200q\nstderr %q", c.lang, c.args, code, out, errs)
		}
	}
	zh, _, _ := runIn(msg.ZH, "export", "testdata/seeds")
	en, _, _ := runIn(msg.EN, "export", "testdata/seeds")
	if zh != en {
		t.Error("the export's data changes with the language")
	}
}

func TestExportGolden(t *testing.T) {
	for _, f := range []string{"json", "csv"} {
		t.Run(f, func(t *testing.T) {
			out, errs, code := runCmd("export", "--format", f, "testdata/seeds")
			if code != 0 || errs != "" {
				t.Fatalf("export %s: code %d, stderr %q", f, code, errs)
			}
			golden.RequireEqual(t, out) // testdata/TestExportGolden/FORMAT.golden; -update rewrites
		})
	}
}

// The JSON export keeps the contract of docs/export.md: these fields, these types.
func TestExportContract(t *testing.T) {
	out, _, _ := runCmd("export", "testdata/seeds")
	var doc struct {
		Reports []map[string]any `json:"reports"`
		Errors  []map[string]any `json:"errors"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "source", "part", "title", "region", "level", "year", "review_year", "date", "speaker", "chars", "sections", "indicators", "warnings"} {
		if _, ok := doc.Reports[0][k]; !ok {
			t.Errorf("report field %q missing", k)
		}
	}
	ind := doc.Reports[0]["indicators"].([]any)[0].(map[string]any)
	for _, k := range []string{"name", "raw_name", "kind", "value", "unit", "growth", "qualifier", "stretch", "text", "start", "end", "section"} {
		if _, ok := ind[k]; !ok {
			t.Errorf("indicator field %q missing", k)
		}
	}
	if doc.Errors == nil {
		t.Error("errors must be a list, not null")
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	tests := []struct {
		args   []string
		code   int
		stderr string
		stdout string
	}{
		{[]string{"export", "--help"}, 0, "", "Usage: baogao export"},
		{[]string{"targets", "--help"}, 0, "", "Usage: baogao targets"},
		{[]string{"help"}, 0, "", "Usage:"},
		{[]string{"export", "--format", "xml"}, 2, "unknown format", ""},
		{[]string{"export", "--bogus"}, 2, "flag provided but not defined", ""},
		{[]string{"export", dir}, 1, "empty.txt: empty file", ""},
		{[]string{"export", "testdata/seeds", filepath.Join(dir, "nope.txt")}, 0, "nope.txt: no such file or folder", ""},
		{[]string{"targets", "nosuchplace"}, 0, "no report matches", ""},
	}
	for _, tt := range tests {
		out, errs, code := runCmd(tt.args...)
		if code != tt.code || !strings.Contains(errs, tt.stderr) || !strings.Contains(out, tt.stdout) {
			t.Errorf("%v: code %d stderr %q stdout %.60q", tt.args, code, errs, out)
		}
		if tt.code == 0 && strings.Contains(strings.Join(tt.args, " "), "help") && errs != "" {
			t.Errorf("%v: help printed to stderr: %q", tt.args, errs)
		}
	}
}

// The command line behaves as users of other tools expect: flags after the other arguments,
// help that lists the commands and spells flags as --flag, help COMMAND, counts and messages on
// stderr where stdout is data, a server without keys refused as a usage error.
func TestCommandLineConventions(t *testing.T) {
	before, _, _ := runCmd("targets", "--format", "csv", "changan", "testdata/seeds")
	after, errs, code := runCmd("targets", "changan", "testdata/seeds", "--format", "csv")
	if code != exitOK || after != before || !strings.HasPrefix(after, "id,region,year") {
		t.Errorf("flags after the arguments: code %d stderr %q\n%s", code, errs, after)
	}
	if out, _, _ := runCmd("targets", "--", "--format"); strings.Contains(out, "id,region") {
		t.Error("a flag after -- was taken as a flag")
	}
	out, errs, code := runCmd("--help")
	for _, cmd := range []string{"targets", "export", "review", "serve", "help"} {
		if !strings.Contains(out, "baogao "+cmd) {
			t.Errorf("baogao --help does not list %s", cmd)
		}
	}
	if code != exitOK || errs != "" || !strings.Contains(out, "  --list") || strings.Contains(out, "\n  -list") {
		t.Errorf("baogao --help: code %d stderr %q; flags not spelled --flag:\n%s", code, errs, out)
	}
	want, _, _ := runCmd("targets", "--help")
	if got, _, code := runCmd("help", "targets"); got != want || code != exitOK {
		t.Errorf("help targets (code %d) is not targets --help:\n%s", code, got)
	}
	if _, errs, code := runCmd("help", "taregts"); code != exitUsage || !strings.Contains(errs, "taregts") {
		t.Errorf("help of an unknown command: code %d, stderr %q", code, errs)
	}
	out, errs, _ = runCmd("--list", "testdata/seeds")
	if strings.Contains(out, " reports") || !strings.Contains(errs, "8 reports") {
		t.Errorf("the count goes to stderr when stdout is not a terminal: stdout ends %q, stderr %q", out[max(0, len(out)-40):], errs)
	}
	out, errs, code = runCmd("targets", "nosuchplace")
	if code != exitOK || out != "" || !strings.Contains(errs, `no report matches "nosuchplace"`) {
		t.Errorf("no match: code %d stdout %q stderr %q", code, out, errs)
	}
	if out, _, _ := runCmd("export", "--help"); !strings.Contains(out, "docs/export.md") {
		t.Error("export --help does not point to docs/export.md")
	} else if _, err := os.Stat("docs/export.md"); err != nil {
		t.Error("export --help points to a document that is not in the repository")
	}
}

func TestTargetsQuery(t *testing.T) {
	for _, q := range []string{"长安", "changan", "ca", "zhangan", "长安镇", "CHANGAN", "ｃａ"} {
		out, _, code := runCmd("targets", "--format", "csv", q)
		regions := map[string]bool{}
		for _, ln := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
			regions[strings.Split(ln, ",")[1]] = true
		}
		if code != 0 || len(regions) != 1 || !regions["长安镇"] {
			t.Errorf("targets %q found %v", q, regions)
		}
	}
	out, _, _ := runCmd("targets", "--format", "json", "lzq")
	if !strings.Contains(out, "临淄区") {
		t.Errorf("initials lzq: %s", out[:min(len(out), 200)])
	}
}

// Every row of the table puts its columns at the same display cells, whatever mix of Chinese,
// ambiguous-width and ASCII text it holds.
func TestTargetsTableAligned(t *testing.T) {
	res := (&cli{}).load([]string{"testdata/seeds"}, os.Stderr)
	reports := append([]model.Report{}, res.Reports...)
	// ambiguous-width characters in a name and a text
	reports[0].Indicators = append(reports[0].Indicators, model.Indicator{Name: "“四好农村路”", Kind: model.Target, Text: "新建改建45公里“四好农村路”…·—", Value: model.Float(45), Unit: "公里"})
	for _, ea := range []bool{false, true} {
		m := width.NewMeasure(ea)
		for _, w := range []int{0, 60, 100} {
			table := targetsTable(msg.ZH, reports, m, w, false)
			lines := strings.Split(strings.TrimRight(table, "\n"), "\n")
			cols := columnStarts(m, lines[0])
			for _, ln := range lines {
				if w > 0 && m.String(ln) > w {
					t.Errorf("width %d: line of %d cells: %q", w, m.String(ln), ln)
				}
				got := columnStarts(m, ln)
				for i := 1; i < min(len(cols), len(got)); i++ { // the first column starts at 0
					if got[i] != cols[i] {
						t.Errorf("eastAsian=%v width %d: column %d at cell %d, header at %d: %q", ea, w, i, got[i], cols[i], ln)
						break
					}
				}
			}
		}
	}
}

// columnStarts returns the display cells where columns (separated by two or more spaces) begin.
func columnStarts(m width.Measure, ln string) []int {
	var starts []int
	cell, spaces := 0, 0
	for i, r := range ln {
		if r == ' ' {
			spaces++
		} else {
			if i == 0 || spaces >= 2 {
				starts = append(starts, cell)
			}
			spaces = 0
		}
		cell += m.Rune(r)
	}
	return starts
}

// The second export comes from the parse cache and prints the same bytes; so does --no-cache.
func TestExportCached(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/seeds")); err != nil {
		t.Fatal(err)
	}
	want := func(what string) string {
		t.Helper()
		out, _, code := runCmd("export", "--no-cache", dir)
		if code != 0 {
			t.Fatalf("%s: uncached export failed", what)
		}
		return out
	}
	check := func(what string, wantStderr string) {
		t.Helper()
		uncached := want(what)
		got, stderr, code := runCmd("export", dir)
		if code != 0 || got != uncached {
			t.Errorf("%s: export differs from an uncached one (%d bytes, want %d)", what, len(got), len(uncached))
		}
		if !strings.Contains(stderr, wantStderr) {
			t.Errorf("%s: stderr %q does not mention %q", what, stderr, wantStderr)
		}
	}
	check("cold", "")
	check("warm", "")
	caches, _ := filepath.Glob(filepath.Join(os.Getenv("XDG_CACHE_HOME"), "baogao", "parse-*"))
	if len(caches) != 2 {
		t.Fatalf("cache files: %v", caches)
	}
	// A browser's load keeps the export file's fragments for the files it did not parse.
	seed, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	b, err := os.ReadFile(seed[0])
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "added.txt"), append(b, "\n"...), 0o644)
	p, _ := loader.CachePath([]string{dir})
	loader.Load(loader.Paths(dir), loader.Options{CacheFile: p})
	check("after a browser's load", "")
	// A renamed file keeps its fragment but not its old id and source.
	os.Rename(filepath.Join(dir, "added.txt"), filepath.Join(dir, "moved.txt"))
	check("renamed", "")
	// A damaged export file is said once, and rebuilt.
	exp := strings.TrimSuffix(p, ".cache") + ".export"
	b, err = os.ReadFile(exp)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/2] ^= 1
	os.WriteFile(exp, b, 0o644)
	check("damaged export file", "export cache")
	check("rebuilt", "")
}

// A mistyped command is a usage error naming the command it was probably meant to be, not a
// browser of nothing that exits 0; paths of which none exists are an error too.
func TestMistypedCommand(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"taregts", "长安"}, exitUsage, `unknown command "taregts" (did you mean targets?)`},
		{[]string{"exprot"}, exitUsage, "did you mean export?"},
		{[]string{"zzz"}, exitUsage, `unknown command "zzz"`},
		{[]string{"--list", "/nonexistent/folder"}, exitEmpty, "no such file or folder"},
	} {
		_, errs, code := runCmd(tt.args...)
		if code != tt.code || !strings.Contains(errs, tt.err) {
			t.Errorf("baogao %q: code %d stderr %q", tt.args, code, errs)
		}
	}
	if _, _, code := runCmd("--list", "testdata/seeds"); code != exitOK {
		t.Errorf("a real folder: code %d", code)
	}
}
