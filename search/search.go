// Package search finds a query in the full text of reports: every term of it in one sentence,
// full- and half-width forms alike (the loader folds the text's full-width letters and digits;
// the query is folded the same way), Chinese as typed. It is pure: texts in, hits out.
package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Query is what the user typed: terms that must all occur in one sentence.
type Query struct {
	Terms []string
}

// Parse splits a query into its terms at spaces (of either width) and folds each as the loader
// folds report text.
func Parse(s string) Query {
	var q Query
	for _, t := range strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' }) {
		q.Terms = append(q.Terms, Fold(t))
	}
	return q
}

// Fold turns full-width letters, digits, ％ and ． into their ASCII forms, as the loader does
// with every text it reads.
func Fold(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ', r == '％', r == '．':
			return r - 0xFEE0
		}
		return r
	}, s)
}

func (q Query) Empty() bool { return len(q.Terms) == 0 }

// sentenceEnd are the marks a sentence ends at; a line break ends one too.
const sentenceEnd = "。！？!?\n"

// Hit is a sentence holding every term: byte offsets into the text of the first term's match and
// of the sentence.
type Hit struct {
	Start, End         int
	SentStart, SentEnd int
}

// Find counts the sentences of text that hold every term, and gives the first of them (ok false
// when there is none).
func (q Query) Find(text string) (first Hit, count int, ok bool) {
	if q.Empty() {
		return Hit{}, 0, false
	}
	t0 := q.Terms[0]
	for from := 0; from < len(text); {
		i := strings.Index(text[from:], t0)
		if i < 0 {
			break
		}
		i += from
		lo := 0
		if j := strings.LastIndexAny(text[:i], sentenceEnd); j >= 0 {
			_, w := utf8.DecodeRuneInString(text[j:])
			lo = j + w
		}
		// the sentence ends after the term (a term may hold a full stop of its own)
		hi := len(text)
		if j := strings.IndexAny(text[i+len(t0):], sentenceEnd); j >= 0 {
			_, w := utf8.DecodeRuneInString(text[i+len(t0)+j:])
			hi = i + len(t0) + j + w
		}
		if q.inSentence(text[lo:hi]) {
			if count == 0 {
				first = Hit{Start: i, End: i + len(t0), SentStart: lo, SentEnd: hi}
			}
			count++
			from = hi // one sentence counts once
			continue
		}
		from = i + len(t0)
	}
	return first, count, count > 0
}

func (q Query) inSentence(s string) bool {
	for _, t := range q.Terms[1:] {
		if !strings.Contains(s, t) {
			return false
		}
	}
	return true
}

// Runes turns a byte offset of text into the rune offset the reader and the export use.
func Runes(text string, off int) int { return utf8.RuneCountInString(text[:off]) }

// Result is one text's hits: its index, the first hit and how many sentences hold the query.
type Result struct {
	Index int
	First Hit
	Count int
}

// Scan runs q over n texts on every core, in chunks in index order, and gives each chunk's
// results (in index order) to emit as soon as it is done; it stops early when stop says so (a
// new keystroke). text gives text i, ok false to skip it.
func (q Query) Scan(n, workers int, text func(i int) (string, bool), stop func() bool, emit func([]Result)) {
	if q.Empty() || n == 0 {
		return
	}
	const chunk = 256
	chunks := (n + chunk - 1) / chunk
	next := make(chan int, chunks)
	for c := 0; c < chunks; c++ {
		next <- c
	}
	close(next)
	done := make(chan struct{})
	for w := 0; w < max(1, workers); w++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for c := range next {
				if stop() {
					return
				}
				var out []Result
				for i := c * chunk; i < min(n, (c+1)*chunk); i++ {
					t, ok := text(i)
					if !ok {
						continue
					}
					if h, k, found := q.Find(t); found {
						out = append(out, Result{i, h, k})
					}
				}
				emit(out)
			}
		}()
	}
	for w := 0; w < max(1, workers); w++ {
		<-done
	}
}
