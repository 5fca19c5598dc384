package loader

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"baogao/model"
	"baogao/msg"
	"baogao/parse"
)

// pdftotext is the path of poppler's pdftotext, "" when it is not installed: PDFs are then
// refused with the advice to install it.
var pdftotext = sync.OnceValue(func() string {
	p, _ := exec.LookPath("pdftotext")
	return p
})

// pdfTimeout bounds one PDF: a crafted file must not hold the load up.
const pdfTimeout = 60 * time.Second

// parseFile parses one file's bytes; a PDF goes through pdftotext when it is there. path is the
// file on disk, "" for a file of an fs.FS (its bytes are then handed over in a temporary file).
func parseFile(name string, b []byte, path string) ([]model.Report, error) {
	if pdftotext() == "" || !parse.IsPDF(name, b) {
		return parse.Parse(name, b)
	}
	t, err := pdfToText(b, path)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(t) == "" {
		return parse.Parse(name, b) // no text layer: the scanned-PDF error
	}
	return parse.PDFText(name, t)
}

// pdfToText runs pdftotext without a shell, UTF-8 out, the file named by an absolute path (a
// name that begins with - is never read as a flag), within a time and a size limit.
func pdfToText(b []byte, path string) (string, error) {
	if path == "" {
		f, err := os.CreateTemp("", "baogao-*.pdf")
		if err != nil {
			return "", err
		}
		defer os.Remove(f.Name())
		_, err = f.Write(b)
		if err = errors.Join(err, f.Close()); err != nil {
			return "", err
		}
		path = f.Name()
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	ctx, cancel := context.WithTimeout(context.Background(), pdfTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, pdftotext(), "-enc", "UTF-8", "-q", abs, "-")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", err
	}
	if err := cmd.Start(); err != nil {
		return "", msg.E("pdf.failed", err)
	}
	text, rerr := io.ReadAll(io.LimitReader(out, parse.MaxFileSize+1))
	if len(text) > parse.MaxFileSize {
		cmd.Process.Kill()
		cmd.Wait()
		return "", msg.E("pdf.too-much", parse.MaxFileSize>>20)
	}
	werr := cmd.Wait()
	switch {
	case ctx.Err() != nil:
		return "", msg.E("pdf.timeout", int(pdfTimeout/time.Second))
	case werr != nil || rerr != nil:
		why := strings.TrimSpace(stderr.String())
		if why == "" {
			why = errors.Join(werr, rerr).Error()
		}
		return "", msg.E("pdf.failed", oneLine(why))
	}
	return string(text), nil
}

func oneLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}
