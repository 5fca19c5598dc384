package web

import (
	"baogao/msg"
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"

	"baogao/parse/text"
)

// mhtmlText reads a page saved as a single file (.mht/.mhtml, "Webpage, single file"): a MIME
// message whose first HTML part is the page. multipart decodes quoted-printable parts itself;
// base64 parts are text.Text here (the decoder skips the line breaks mail wraps them with). The part's charset, when given, is the page's.
func MHTML(b []byte) (text.Text, error) {
	m, err := mail.ReadMessage(bytes.NewReader(b))
	if err != nil {
		return text.Text{}, msg.E("mhtml.damaged", err)
	}
	media, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil {
		return text.Text{}, msg.E("mhtml.content-type", err)
	}
	if !strings.HasPrefix(media, "multipart/") {
		return htmlPart(m.Body, m.Header.Get("Content-Transfer-Encoding"), params["charset"])
	}
	mr := multipart.NewReader(m.Body, params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return text.Text{}, msg.E("mhtml.no-page")
		}
		if err != nil {
			return text.Text{}, msg.E("mhtml.damaged", err)
		}
		media, params, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		if media == "text/html" {
			return htmlPart(p, p.Header.Get("Content-Transfer-Encoding"), params["charset"])
		}
	}
}

func htmlPart(r io.Reader, transfer, charset string) (text.Text, error) {
	if strings.EqualFold(strings.TrimSpace(transfer), "base64") {
		r = base64.NewDecoder(base64.StdEncoding, r)
	}
	b, err := io.ReadAll(io.LimitReader(r, text.MaxFileSize+1))
	if err != nil {
		return text.Text{}, msg.E("mhtml.damaged", err)
	}
	if len(b) > text.MaxFileSize {
		return text.Text{}, msg.E("mhtml.part-too-big", text.ErrTooBig)
	}
	return htmlTextAs(b, charset)
}
