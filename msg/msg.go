// Package msg is the interface's one message table: every string a user reads on a screen or the
// command line, in Chinese (the default) and English. A run speaks one language, chosen with
// --lang or BAOGAO_LANG; a served session may ask for its own with BAOGAO_LANG over SSH.
//
// Errors that reach a user carry a message id and its arguments (E), so that the browser and the
// commands show them in the run's language; Error() gives the English text for logs and wrapping.
package msg

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// Lang is the language a run speaks.
type Lang uint8

const (
	ZH Lang = iota // the default
	EN
)

// ID names one message in the table.
type ID string

// Parse reads a language name: zh, en, or a locale such as en_US.UTF-8 or zh-CN.
func Parse(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "zh" || strings.HasPrefix(s, "zh_") || strings.HasPrefix(s, "zh-") || s == "cn" || s == "中文":
		return ZH, true
	case s == "en" || strings.HasPrefix(s, "en_") || strings.HasPrefix(s, "en-") || s == "english":
		return EN, true
	}
	return ZH, false
}

// FromEnv is the language BAOGAO_LANG asks for, Chinese when it is unset or not understood.
func FromEnv(getenv func(string) string) Lang {
	l, _ := Parse(getenv("BAOGAO_LANG"))
	return l
}

func (l Lang) String() string {
	if l == EN {
		return "en"
	}
	return "zh"
}

// T is message id in l, its verbs filled from args as fmt does. An error among the args is
// shown in l too (Err). An id the table lacks shows itself, so a slip is visible, and the
// table's tests fail on it.
func (l Lang) T(id ID, args ...any) string {
	e, ok := table[id]
	if !ok {
		return string(id)
	}
	f := e[0]
	if l == EN {
		f = e[1]
	}
	if len(args) == 0 {
		return f
	}
	for i, a := range args {
		if err, ok := a.(error); ok {
			args[i] = l.Err(err)
		}
	}
	return fmt.Sprintf(f, args...)
}

// Error is an error a user reads: a message id with its arguments.
type Error struct {
	ID   ID
	Args []any
}

// E makes an error of message id. Arguments that are errors are shown in the reader's language
// when the error is (Err), and unwrap: errors.Is sees through E.
func E(id ID, args ...any) error { return &Error{ID: id, Args: args} }

func (e *Error) Error() string { return EN.T(e.ID, append([]any(nil), e.Args...)...) }

// Unwrap gives the errors among the arguments, for errors.Is and errors.As.
func (e *Error) Unwrap() []error {
	var out []error
	for _, a := range e.Args {
		if err, ok := a.(error); ok {
			out = append(out, err)
		}
	}
	return out
}

// Err is err as a user of l reads it.
func (l Lang) Err(err error) string {
	if err == nil {
		return ""
	}
	return l.Say(err.Error())
}

// Say is an English message of the table (a warning or error kept in the data, which the export
// contract keeps in English) as l says it: the entry whose English form it matches, filled with
// what stood for the verbs, each of those said in l too. A text no entry matches (the system's
// own messages) is left as it is.
func (l Lang) Say(s string) string {
	if l == EN || s == "" {
		return s
	}
	out, _ := say(s, 0)
	return out
}

// say reads s as the messages nested in it and says them in Chinese. Several readings may fit
// ("export cache X partly not used: 1 damaged (rebuilding it)" is also "export cache %s not
// used: %v" with "1 damaged (rebuilding it)" for the %v): the one whose messages cover the most
// of s with their own words is meant. covered is that count of bytes.
func say(s string, depth int) (out string, covered int) {
	out = s
	if depth > 4 {
		return out, 0
	}
	for _, p := range patterns() {
		m := p.re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		n := p.literal
		args := make([]any, len(m)-1)
		for i, a := range m[1:] {
			t, c := say(a, depth+1)
			args[i], n = t, n+c
		}
		if n > covered {
			out, covered = fmt.Sprintf(p.zh, args...), n
		}
	}
	return out, covered
}

// sayable says an id is of the messages kept in data or carried by errors, which Say turns back
// into Chinese; the screens' own words ("%d" for a year) would match any text.
func sayable(id ID) bool {
	group, _, _ := strings.Cut(string(id), ".")
	switch group {
	case "load", "cache", "parse", "zip", "format", "text", "pdf", "web", "mhtml", "docx", "from", "warn", "state", "serve", "keys", "cli", "xdg":
		return true
	}
	return false
}

type pattern struct {
	re      *regexp.Regexp
	literal int    // bytes of the English form that are its own words, not verbs
	zh      string // the Chinese form with every verb a %s
}

var (
	patternOnce sync.Once
	patternList []pattern
	verbRE      = regexp.MustCompile(`%[-+# 0]*[0-9]*(?:\.[0-9]+)?[a-zA-Z%]`)
)

// patterns are the table's English forms that take arguments, as regexps, the longest first so
// that a specific form wins over a general one.
func patterns() []pattern {
	patternOnce.Do(func() {
		ids := make([]ID, 0, len(table))
		for id := range table {
			ids = append(ids, id)
		}
		sort.Slice(ids, func(i, j int) bool {
			a, b := table[ids[i]][1], table[ids[j]][1]
			if len(a) != len(b) {
				return len(a) > len(b)
			}
			return ids[i] < ids[j]
		})
		for _, id := range ids {
			if !sayable(id) {
				continue
			}
			e := table[id]
			var re strings.Builder
			re.WriteString("^")
			last := 0
			for _, loc := range verbRE.FindAllStringIndex(e[1], -1) {
				re.WriteString(regexp.QuoteMeta(e[1][last:loc[0]]))
				switch v := e[1][loc[0]:loc[1]]; {
				case v == "%%":
					re.WriteString("%")
				case strings.HasSuffix(v, "d"):
					re.WriteString(`(-?[0-9]+)`)
				case strings.HasSuffix(v, "f"):
					re.WriteString(`(-?[0-9.]+)`)
				case strings.HasSuffix(v, "o"):
					re.WriteString(`([0-7]+)`)
				default:
					re.WriteString(`(.+?)`)
				}
				last = loc[1]
			}
			re.WriteString(regexp.QuoteMeta(e[1][last:]))
			re.WriteString("$")
			zh := verbRE.ReplaceAllStringFunc(e[0], func(v string) string {
				if v == "%%" {
					return v
				}
				return "%s"
			})
			literal := len(verbRE.ReplaceAllString(e[1], ""))
			patternList = append(patternList, pattern{regexp.MustCompile(re.String()), literal, zh})
		}
	})
	return patternList
}
