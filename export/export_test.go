package export

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"baogao/loader"
	"baogao/model"
)

// writeJSON is held to the bytes encoding/json writes for the same document: odd strings, every
// float form, nil and empty lists, reviewed, starred, flagged and annotated reports, errors.
func TestExportJSONMatchesEncodingJSON(t *testing.T) {
	type exportReport struct {
		model.Report
		Review Review `json:"review"`
	}
	type exportDoc struct {
		Reports []exportReport     `json:"reports"`
		Errors  []loader.FileError `json:"errors"`
	}
	res := loader.Load(loader.Paths("../testdata/seeds"), loader.Options{})
	f := func(v float64) *float64 { return &v }
	odd := model.Report{ID: "odd\"\\\b\f\n\r\t\x01\x1f<>&\u2028\u2029\xff中", Source: "a/b.txt", Sections: []model.Section{{Title: "x", Children: nil}},
		Indicators: []model.Indicator{{Name: "n", Value: f(1e-7), Growth: f(1e21), Stretch: f(-0.5)}, {Value: f(123456789.125), Growth: f(0), Stretch: f(5e-324)}, {Value: f(1.5e300)}},
		Warnings:   nil}
	empty := model.Report{ID: "empty", Sections: []model.Section{}, Indicators: []model.Indicator{}, Warnings: []string{}}
	valid := model.Report{ID: "valid", Title: "a\u2028b\u2029\"\\\n\x01\x7f中\u2027\u202a—…", Sections: []model.Section{}, Indicators: []model.Indicator{}, Warnings: []string{"\u2028"}}
	res.Reports = append(res.Reports, odd, empty, valid)
	var st model.ReviewState
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	r0, r1 := &res.Reports[0], &res.Reports[1]
	st.Apply(model.NewOp(model.OpReviewed, r0, "wang", at))
	for _, op := range []model.Op{model.NewOp(model.OpStar, r1, "li", at), model.NewOp(model.OpFlag, r1, "li", at), model.NewOp(model.OpNote, r1, "li", at)} {
		op.Target, op.Bool, op.Text = model.TargetReport, true, "备注\n第二行"
		st.Apply(op)
	}
	res.Reports[0].Hash = ""
	for _, errs := range [][]loader.FileError{nil, {{Source: "x.doc", Err: "unsupported format"}}} {
		for _, reps := range [][]model.Report{res.Reports, nil} {
			in := loader.Result{Reports: reps, Errors: errs}
			doc := exportDoc{Reports: []exportReport{}, Errors: errs}
			for i := range reps {
				rv, stale := st.Find(&reps[i])
				doc.Reports = append(doc.Reports, exportReport{reps[i], ReviewOf(&reps[i], rv, stale)})
			}
			if doc.Errors == nil {
				doc.Errors = []loader.FileError{}
			}
			var want, got bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", " ")
			if err := enc.Encode(doc); err != nil {
				t.Fatal(err)
			}
			if err := writeJSON(&got, in, &st); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				g, w := got.String(), want.String()
				i := 0
				for i < len(g) && i < len(w) && g[i] == w[i] {
					i++
				}
				t.Errorf("differs at byte %d:\n got  %q\n want %q", i, g[max(0, i-80):min(len(g), i+80)], w[max(0, i-80):min(len(w), i+80)])
			}
		}
	}
}

// Reports a load left packed are unpacked by the export when no rendering came with them.
func TestExportPackedReports(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../testdata/seeds")); err != nil {
		t.Fatal(err)
	}
	cache := filepath.Join(t.TempDir(), "parse.cache")
	loader.Load(loader.Paths(dir), loader.Options{CacheFile: cache})
	packed := loader.Load(loader.Paths(dir), loader.Options{CacheFile: cache, Pack: true, DropBodies: true})
	if len(packed.Reports) == 0 || packed.Reports[0].Packed == "" {
		t.Fatal("the load did not pack its reports")
	}
	whole := loader.Load(loader.Paths(dir), loader.Options{})
	for _, format := range []string{"json", "csv"} {
		var got, want strings.Builder
		if err := Write(&got, packed, format, nil); err != nil {
			t.Fatal(err)
		}
		Write(&want, whole, format, nil)
		if got.String() != want.String() {
			t.Errorf("%s export of packed reports differs (%d bytes, want %d)", format, got.Len(), want.Len())
		}
	}
}

// BenchmarkFragment renders the seeds' reports as the parse cache keeps them.
func BenchmarkFragment(b *testing.B) {
	res := loader.Load(loader.Paths("../testdata/seeds"), loader.Options{})
	b.ReportAllocs()
	for b.Loop() {
		for i := range res.Reports {
			Fragment(&res.Reports[i])
		}
	}
}
