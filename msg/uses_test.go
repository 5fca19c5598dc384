package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// The packages a user reads words from, and where report language (not the interface's) lives.
var (
	// parse and model read and name the reports' own Chinese: their Han literals are the
	// language of the reports (markers, units, indicator names), not words of the interface
	reportLanguage = []string{"parse/", "model/indicators.go", "model/format.go", "model/units.go", "model/report.go", "model/track.go", "match/"}
	// literals of the interface with Han that are not words: the typography of Chinese text
	typography = map[string]bool{
		"。；;\n": true, "。；！？;!?：:": true, "一年来": true, "，,": true, "一二三四五六七八九十": true, ".、．": true,
		"，。、；：？！）》」』】〕〉”’…·—%‰,.;:?!)]}": true, "％": true, "（《「『【〔〈“‘([{": true, "；": true, "。；：.;:": true,
	}
	// English that is data, not words to a user: markers in files, a key's comment, a test hook
	notWords = map[string]bool{
		"goals not understood: ": true, // the export's warning that model splits (UnreadPrefix); its message is warn.unread
		"PowerPoint Document":    true, "content-type: text/html": true, "<!doctype html": true, "display:none": true, "visibility:hidden": true,
		"baogao host key":   true, // the host key file's comment
		`xml version="1.0"`: true, // XML's declaration, read by the Word scanner
		"test panic":        true, // a test hook's panic, never shown
	}
	progRE  = regexp.MustCompile(`^baogao( [a-z]+)?: `)
	idRE    = regexp.MustCompile(`^[a-z0-9]+\.[a-z0-9.\-]+$`)
	wordsRE = regexp.MustCompile(`[A-Za-z]{2,}[ ,:;]+[A-Za-z]{2,}`)
)

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// Every user-facing string comes from the table: no Go file of the program holds words of the
// interface (Chinese, or English of two words and more) outside it, every id the code names is
// in the table, and every message of the table is used. Exempt are log records (the server's,
// for the operator's tools: keyed and English, as the ecosystem logs), comments, struct tags,
// report language, and the typography above.
func TestEveryStringFromTheTable(t *testing.T) {
	root := ".."
	used := map[ID]bool{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && rel != "." || d.Name() == "testdata" || rel == "msg" || rel == "scripts" || rel == "internal" {
				// internal: test helpers
				return filepath.SkipDir
			}
			return nil
		}
		// model/check.go: the invariants tests and fuzzers check, in their words
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") || rel == "model/check.go" {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		report := false
		for _, r := range reportLanguage {
			if strings.HasPrefix(rel, r) {
				report = true
			}
		}
		// literals that are log records' or ids' are looked at where they stand
		skip := map[*ast.BasicLit]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ImportSpec:
				skip[n.Path] = true
			case *ast.Field:
				if n.Tag != nil {
					skip[n.Tag] = true
				}
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				switch sel.Sel.Name {
				case "Info", "Warn", "Error", "Debug":
					if x, ok := sel.X.(*ast.Ident); ok && (x.Name == "logger" || x.Name == "l") || strings.HasSuffix(exprString(sel.X), ".log") {
						ast.Inspect(n, func(m ast.Node) bool {
							if b, ok := m.(*ast.BasicLit); ok {
								skip[b] = true
							}
							return true
						})
					}
				}
			case *ast.BasicLit:
				if n.Kind != token.STRING || skip[n] {
					return true
				}
				s, err := strconv.Unquote(n.Value)
				if err != nil {
					return true
				}
				s = progRE.ReplaceAllString(s, "") // "baogao export: " names the program, in no language
				if notWords[s] {
					return true
				}
				pos := fset.Position(n.Pos())
				where := rel + ":" + strconv.Itoa(pos.Line)
				if idRE.MatchString(s) {
					if _, ok := table[ID(s)]; ok {
						used[ID(s)] = true
						return true
					}
					if strings.Contains(where, "tui/") || strings.Contains(where, "commands/") {
						t.Errorf("%s: %q looks like a message id the table lacks", where, s)
					}
					return true
				}
				switch {
				case hasHan(s) && !report && !typography[s]:
					t.Errorf("%s: Chinese outside the message table: %q", where, s)
				case !hasHan(s) && wordsRE.MatchString(s) && !report:
					t.Errorf("%s: English words outside the message table: %q", where, s)
				case report && wordsRE.MatchString(s) && !hasHan(s):
					t.Errorf("%s: English words outside the message table: %q", where, s)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for id := range table {
		if !used[id] {
			t.Errorf("message %s is in the table but no code uses it", id)
		}
	}
}

func exprString(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return exprString(e.X) + "." + e.Sel.Name
	}
	return ""
}
