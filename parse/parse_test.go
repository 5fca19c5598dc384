package parse

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"baogao/internal/testenv"
	"baogao/model"
	"baogao/parse/extract"
	"baogao/parse/runes"
	"baogao/parse/text"
)

// checkReport asserts what must hold for any report the parser returns.
func checkReport(t *testing.T, r model.Report) {
	t.Helper()
	for _, p := range r.Problems() {
		t.Error(p)
	}
}

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
		checkKeepsNoBytes(t, "fuzz.txt", b)
	})
}

// checkKeepsNoBytes parses a copy of b, overwrites the copy, and compares with a parse of b
// (TestParseKeepsNoBytes, for any bytes).
func checkKeepsNoBytes(t *testing.T, name string, b []byte) {
	t.Helper()
	c := append([]byte(nil), b...)
	got, gotErr := Parse(name, c)
	for i := range c {
		c[i] = 'x'
	}
	want, wantErr := Parse(name, b)
	if (gotErr == nil) != (wantErr == nil) || !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: the reports changed with the bytes they were read from after the parse", name)
	}
}

// BenchmarkParseCorpus parses a 1,000-report corpus from ../shared/tools/gen-corpus on one
// goroutine: MB/s is the single-core parse rate.
func BenchmarkParseCorpus(b *testing.B) {
	files, data := genCorpus(b, 1000)
	benchParse(b, files, data)
}

// BenchmarkParseWord parses the 130 city reports of 2024 (Word files, ../shared/corpus/cities-2024)
// on one goroutine: the folders users have are mostly Word files, which read at a fraction of the
// rate of text (MB/s is of the files' bytes, which are compressed).
func BenchmarkParseWord(b *testing.B) {
	files, data, _ := testenv.CityWordFiles(b, "..")
	benchParse(b, files, data)
}

// benchParse parses each file in turn, MB/s of the files' bytes.
func benchParse(b *testing.B, files []string, data [][]byte) {
	var size int64
	for _, d := range data {
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

// genCorpus writes n generated reports to a temporary folder and reads them back.
func genCorpus(b *testing.B, n int) (files []string, data [][]byte) {
	gen := "../../shared/tools/gen-corpus"
	if _, err := os.Stat(gen); err != nil {
		b.Skip("gen-corpus not found beside the checkout (../shared/tools)")
	}
	dir := b.TempDir()
	if out, err := exec.Command(gen, "--out", dir, "--reports", fmt.Sprint(n)).CombinedOutput(); err != nil {
		b.Skipf("gen-corpus: %v: %s", err, out)
	}
	files, _ = filepath.Glob(filepath.Join(dir, "*.txt"))
	for _, p := range files {
		d, _ := os.ReadFile(p)
		data = append(data, d)
	}
	return files, data
}

// corpusTexts is the decoded text of the generated reports, for the benchmarks of one stage.
func corpusTexts(b *testing.B) []string {
	_, data := genCorpus(b, 1000)
	var out []string
	for _, d := range data {
		if t, err := text.Decode(d); err == nil {
			out = append(out, t.Text)
		}
	}
	b.ResetTimer()
	return out
}

// BenchmarkShapes parses the shapes that used to take quadratic time — one long line (a run-on
// page), many short lines, one Word paragraph — at two sizes each. ns/B (per byte of text) should
// not grow from one size to the next (linear time); compare the rows of one shape, run long enough
// that what the first run does once is spread thin (at -benchtime 10x the 1 MB run-on line shows
// twice the ns/B it does at the default).
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
	// the run-on text as one paragraph of a Word file (its text, not the file, is n bytes)
	wordParagraph := func(n int) []byte { return docxOf(b, para("", string(oneLine(n))), "") }
	for _, shape := range []struct {
		name string
		make func(int) []byte
		file string
	}{{"one-line", oneLine, "x.txt"}, {"short-lines", shortLines, "x.txt"}, {"word-paragraph", wordParagraph, "x.docx"}} {
		for _, size := range []int{1 << 20, 8 << 20} { // 8 MB of short lines: 280,000 lines
			data := shape.make(size)
			b.Run(fmt.Sprintf("%s/%dMB", shape.name, size>>20), func(b *testing.B) {
				b.SetBytes(int64(size)) // of text: a Word file's is compressed
				for b.Loop() {
					Parse(shape.file, data)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(size), "ns/B")
			})
		}
	}
}

// BenchmarkStages runs each stage that reads a whole body on its own over the generated corpus's
// reports, so a change to one stage is measured without the noise of the others (MB/s is of the
// bodies). The head of each report is its title, where buildReport also asks the file's title
// lines; the stages' shares of a parse are in the closing notes of issue 18.
func BenchmarkStages(b *testing.B) {
	files, data := genCorpus(b, 1000)
	var reps []model.Report
	for i, d := range data {
		rs, _ := Parse(files[i], d)
		reps = append(reps, rs...)
	}
	var size int64
	for _, r := range reps {
		size += int64(len(r.Body))
	}
	lines := func(body string) ([]line, *runes.Offsets) { return layout(body, strings.Count(body, "\n")+1) }
	for _, st := range []struct {
		name string
		run  func(r *model.Report)
	}{
		{"offsets", func(r *model.Report) { lines(r.Body) }},
		{"words", func(r *model.Report) { bodyWords.ByWord(r.Body) }},
		{"sections", func(r *model.Report) {
			ls, _ := lines(r.Body)
			findSectionsAt(ls, nil, bodyWords.ByWord(r.Body)[:len(inlineKeywords)])
		}},
		{"region", func(r *model.Report) { findRegion([]string{r.Title}, r.Body) }},
		{"years", func(r *model.Report) { findYears([]string{r.Title}, r.Body, nil) }},
		{"indicators", func(r *model.Report) {
			_, offs := lines(r.Body)
			extract.Indicators(extract.Input{Body: r.Body, Sections: r.Sections, Year: r.Year, ReviewYear: r.ReviewYear, Offsets: offs, Triggers: bodyWords.ByWord(r.Body)[len(inlineKeywords):]})
		}},
		{"hash", func(r *model.Report) { model.TextHash(r.Body) }},
	} {
		b.Run(st.name, func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				for i := range reps {
					st.run(&reps[i])
				}
			}
		})
	}
}
