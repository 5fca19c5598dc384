// Package pdf tells what a PDF file is when it is refused: one with a text layer (convert it with
// pdftotext) or a scan (pages are images).
package pdf

import (
	"baogao/msg"
	"bytes"
	"compress/zlib"
	"io"
)

// PDFs are refused with advice. The pure-Go readers we tried return Chinese reports' text out of
// reading order or not at all (CID fonts without usable ToUnicode maps are the rule in government
// PDFs), and a report read in the wrong order would give wrong targets silently. pdftotext does
// this well; what we can do is say which of the two cases the user has.
var (
	errPDFText    = msg.E("pdf.text")
	errPDFScanned = msg.E("pdf.scanned")
)

// maxInflate bounds how much of a PDF's compressed streams is inflated looking for fonts.
const maxInflate = 64 << 20

// Error is why a PDF is refused: one line.
func Error(b []byte) error {
	if hasTextLayer(b) {
		return errPDFText
	}
	return errPDFScanned
}

// hasTextLayer looks for font resources, first in the file as it is, then inside its
// compressed streams (object streams hide the page dictionaries), inflating at most a bounded
// amount so a crafted file cannot exhaust memory.
func hasTextLayer(b []byte) bool {
	if bytes.Contains(b, []byte("/Font")) {
		return true
	}
	budget := int64(maxInflate)
	for rest := b; budget > 0; {
		i := bytes.Index(rest, []byte("stream"))
		if i < 0 {
			return false
		}
		rest = rest[i+len("stream"):]
		rest = bytes.TrimLeft(rest, "\r\n")
		end := bytes.Index(rest, []byte("endstream"))
		if end < 0 {
			end = len(rest)
		}
		zr, err := zlib.NewReader(bytes.NewReader(rest[:end]))
		if err == nil {
			var buf bytes.Buffer
			n, _ := io.Copy(&buf, io.LimitReader(zr, budget))
			budget -= n
			data := buf.Bytes()
			if bytes.Contains(data, []byte("/Font")) { // text needs a font resource; bytes of images never spell it by chance
				return true
			}
		}
		rest = rest[end:]
	}
	return false
}
