// Package word reads the text of a Word file (.docx: a zip of XML) in one streaming pass with
// size limits (a zip bomb is refused), keeping the paragraphs the document styles as headings.
package word

import (
	"archive/zip"
	"baogao/msg"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"baogao/parse/text"
)

// MaxXMLSize bounds how far one part of a Word file may inflate. A report's document.xml is a
// few megabytes at most; a zip bomb stops here instead of filling memory.
const MaxXMLSize = 64 << 20

// Text reads a Word file: the paragraphs of word/document.xml in order, a table row as one
// line, and the text of paragraphs whose style is a heading (a hint for sections). Footnotes,
// comments, headers and deleted revisions live in other parts or elements and are not read.
// The text is valid UTF-8, not yet judged as prose (text.Judge: parse counts it as it folds it).
func Text(b []byte) (text.Text, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return text.Text{}, msg.E("docx.damaged", ZipReason(err))
	}
	var doc, styles *zip.File
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			doc = f
		case "word/styles.xml":
			styles = f
		}
	}
	if doc == nil {
		return text.Text{}, msg.E("docx.no-document")
	}
	var body string
	var hints map[string]bool
	var styled map[string][]string
	err = readPart(doc, documentAttrs, func(d tokens) (err error) {
		body, hints, styled, err = readDocument(d)
		return err
	})
	if err != nil {
		return text.Text{}, err
	}
	// The styles are read only for a document whose paragraphs name some: styles.xml is near a
	// quarter of the XML of a Word file (3.9 of 16.7 MB in the 130 city reports of 2024), and
	// none of those reports names a style in its paragraphs.
	if len(styled) > 0 && styles != nil {
		headingStyles := map[string]bool{}
		if err := readPart(styles, styleAttrs, func(d tokens) error {
			clear(headingStyles) // what a scanner that gave up found is found again
			return readStyles(d, headingStyles)
		}); err != nil {
			return text.Text{}, err
		}
		for id, ts := range styled {
			if headingStyles[id] {
				for _, t := range ts {
					hints[t] = true
				}
			}
		}
	}
	if strings.TrimSpace(body) == "" {
		return text.Text{}, msg.E("docx.no-text")
	}
	// judged as prose by the caller, which reads it whole anyway (text.Judge)
	return text.Text{Text: body, Encoding: "utf-8", Headings: hints}, nil
}

// readPart reads one part of the Word file with read: by the scanner when the part is the plain
// XML it takes, else by encoding/xml, streaming, as before the scanner (which gives every error
// it gave: a damaged part, one past the size limit).
func readPart(f *zip.File, attrsOf func(local string) bool, read func(tokens) error) error {
	if f.UncompressedSize64 > MaxXMLSize {
		return msg.E("docx.part", f.Name, text.ErrTooBig)
	}
	if done, err := scanPart(f, attrsOf, read); done {
		return err
	}
	rc, err := f.Open()
	if err != nil {
		return msg.E("docx.part", f.Name, err)
	}
	defer rc.Close()
	d := xml.NewDecoder(&text.LimitedReader{R: rc, N: MaxXMLSize})
	if err := read(&decoded{d: d}); err != nil {
		if errors.Is(err, text.ErrTooBig) {
			return msg.E("docx.part", f.Name, text.ErrTooBig)
		}
		return msg.E("docx.part", f.Name, err)
	}
	return nil
}

// scanPart reads a part with the scanner; done is false where the scanner leaves it to
// encoding/xml (which also says why a part could not be inflated).
func scanPart(f *zip.File, attrsOf func(local string) bool, read func(tokens) error) (done bool, err error) {
	if !scanParts {
		return false, nil
	}
	b, err := inflate(f)
	if err != nil {
		return false, nil
	}
	sc, ok := newScanner(b)
	if !ok {
		return false, nil
	}
	sc.attrsOf = attrsOf
	if err := read(sc); errors.Is(err, errNotSimple) {
		return false, nil
	} else if err != nil {
		return true, msg.E("docx.part", f.Name, err)
	}
	return true, nil
}

// scanParts is false only in a benchmark of the reading before the scanner.
var scanParts = true

// inflate is a part's bytes, within the size limit.
func inflate(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var b bytes.Buffer
	b.Grow(int(min(f.UncompressedSize64, 8<<20)) + bytes.MinRead) // the size it claims, up to what a report needs
	_, err = b.ReadFrom(&text.LimitedReader{R: rc, N: MaxXMLSize})
	return b.Bytes(), err
}

// styleAttrs are the elements readStyles reads attributes of (the scanner gives no others').
func styleAttrs(local string) bool { return local == "style" || local == "name" }

// documentAttrs are the elements readDocument reads attributes of.
func documentAttrs(local string) bool { return local == "pStyle" || local == "br" || local == "cr" }

// readStyles finds the ids of heading styles: built-in "heading N" and "Title", Chinese "标题",
// or any style carrying an outline level.
func readStyles(d tokens, out map[string]bool) error {
	var id string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		se, ok := tok.(*xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "style":
			id = attr(se, "styleId")
		case "name":
			n := strings.ToLower(attr(se, "val"))
			if id != "" && (strings.HasPrefix(n, "heading") || n == "title" || strings.Contains(n, "标题")) {
				out[id] = true
			}
		case "outlineLvl":
			if id != "" {
				out[id] = true
			}
		}
	}
}

func attr(se *xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// readDocument is the text of document.xml, the paragraphs that are headings by their own
// outline level (hints), and the text of the other paragraphs that name a style, by the style:
// those are headings where the style is one (which styles.xml says).
func readDocument(d tokens) (string, map[string]bool, map[string][]string, error) {
	var out strings.Builder
	var para strings.Builder
	hints := map[string]bool{}
	styled := map[string][]string{}
	var inText, heading bool
	// the styles the paragraph names
	var paraStyles []string
	skip := 0 // depth inside elements whose text is not the document's (fallbacks, field codes)
	cells := 0
	tables := 0
	endPara := func() {
		t := strings.TrimSpace(para.String())
		para.Reset()
		if heading && t != "" {
			hints[t] = true
		} else if t != "" {
			for _, id := range paraStyles {
				styled[id] = append(styled[id], t)
			}
		}
		heading, paraStyles = false, paraStyles[:0]
		if tables > 0 { // cells of a row stay on one line
			if t != "" {
				if cells > 0 {
					out.WriteByte(' ')
				}
				out.WriteString(t)
				cells++
			}
			return
		}
		out.WriteString(t)
		out.WriteByte('\n')
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", nil, nil, err
		}
		switch t := tok.(type) {
		case *xml.StartElement:
			if skip > 0 {
				skip++
				continue
			}
			switch t.Name.Local {
			case "Fallback", "instrText", "delText", "footnoteReference", "endnoteReference", "commentReference":
				skip = 1
			case "t":
				inText = true
			case "tab":
				para.WriteByte('\t')
			case "br", "cr":
				if attr(t, "type") != "page" {
					para.WriteByte('\n')
				}
			case "pStyle":
				paraStyles = append(paraStyles, attr(t, "val"))
			case "outlineLvl":
				heading = true
			case "tbl":
				tables++
			case "tr":
				cells = 0
			}
		case *xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				endPara()
			case "tr":
				if tables > 0 {
					out.WriteByte('\n')
				}
			case "tbl":
				tables = max(0, tables-1)
			}
		case *xml.CharData:
			if inText && skip == 0 {
				para.Write(*t)
			}
		}
	}
	if para.Len() > 0 {
		endPara()
	}
	return out.String(), hints, styled, nil
}

func ZipReason(err error) string {
	if errors.Is(err, zip.ErrFormat) {
		return msg.EN.T("zip.invalid")
	}
	return err.Error()
}
