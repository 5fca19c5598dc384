package web

import (
	"strings"
	"testing"
)

// The charset a page declares, in either form of the meta tag (case does not matter: the
// encoding lookup ignores it).
func TestMetaCharset(t *testing.T) {
	for _, c := range []struct{ tag, want string }{
		{`<meta http-equiv="Content-Type" content="text/html; charset=GB2312" />`, "gb2312"},
		{`<meta charset="GBK">`, "gbk"},
		{`<p>no declaration</p>`, ""},
	} {
		if got := metaCharset([]byte(c.tag)); !strings.EqualFold(got, c.want) {
			t.Errorf("%s: %q, want %q", c.tag, got, c.want)
		}
	}
}
