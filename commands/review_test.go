package commands

import (
	"baogao/msg"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"baogao/loader"
	"baogao/model"
	"baogao/review"
)

// A report marked while browsing one set of folders is marked wherever it is found: the same
// folders with another beside them, a copy in another folder, the embedded sample. The table
// has a header and names flags as a reader would.
func TestReviewFollowsTheReport(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	res := loader.Load(loader.Paths("testdata/seeds"), loader.Options{})
	var r *model.Report
	for i := range res.Reports {
		if len(res.Reports[i].Indicators) > 0 {
			r = &res.Reports[i]
			break
		}
	}
	p, _ := review.DefaultPath()
	st, err := review.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	op := model.NewOp(model.OpReviewed, r, "t", time.Now())
	op.Bool = true
	st.Apply(op)
	flag := model.NewOp(model.OpFlag, r, "t", time.Now())
	flag.Target, flag.Text = model.TargetIndicator(r.Indicators[0]), "数字错了"
	st.Apply(flag)

	other := t.TempDir()
	b, _ := os.ReadFile(r.Source)
	os.WriteFile(filepath.Join(other, "copy.txt"), b, 0o644)
	for _, args := range [][]string{
		{"review", "testdata/seeds"},
		{"review", "testdata/seeds", other},
		{"review", other},
		{"review"}, // the embedded sample
	} {
		out, errs, code := runIn(msg.ZH, args...) // the table as a Chinese reader sees it
		if code != exitOK {
			t.Fatalf("%q: code %d, stderr %s", args, code, errs)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if !strings.HasPrefix(lines[0], "状态") || !strings.Contains(lines[0], "地区") {
			t.Errorf("%q: no header row: %q", args, lines[0])
		}
		marked := 0
		for _, ln := range lines[1:] {
			if strings.HasPrefix(ln, "✓") {
				marked++
				want := r.Indicators[0].Name + "（" + model.KindLabel(msg.ZH, r.Indicators[0].Kind) + "）：数字错了"
				if !strings.Contains(ln, want) || strings.Contains(ln, "indicator:") {
					t.Errorf("%q: flag not named as a reader would: %q", args, ln)
				}
			}
		}
		want := 1
		if len(args) == 3 {
			want = 2 // the report and its copy
		}
		if marked != want {
			t.Errorf("%q: %d reports marked reviewed, want %d\n%s", args, marked, want, out)
		}
	}
	// reviews of other folders are not listed as lost, but counted, and --all lists them
	os.Remove(filepath.Join(other, "copy.txt"))
	os.WriteFile(filepath.Join(other, "x.txt"), []byte("长安镇2023年政府工作报告\n一、2022年工作回顾\n地区生产总值增长5%。\n"), 0o644)
	out, errs, _ := runCmd("review", other)
	if strings.Contains(out, "-  ") || !strings.Contains(errs, "--all") {
		t.Errorf("reviews of other folders: stdout %q stderr %q", out, errs)
	}
	if out, _, _ := runCmd("review", "--all", other); !strings.Contains(out, "\n-") {
		t.Errorf("--all does not list the reviews of other folders:\n%s", out)
	}
}
