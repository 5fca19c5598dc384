package loader

import (
	"os"
	"path/filepath"
	"testing"

	"baogao/model"
)

// Texts kept survive a restart; a torn tail and a damaged record are never given out; a log
// mostly of texts no report has any more is rewritten with the live ones.
func TestBodies(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.text")
	a, b := "第一份报告的正文。", "第二份报告的正文，更长一些。"
	ha, hb := model.TextHash(a), model.TextHash(b)
	bs := OpenBodies(path)
	bs.Put(ha, a)
	if s, ok := bs.Get(ha); !ok || s != a {
		t.Fatalf("before a flush: %q %v", s, ok)
	}
	bs.Put(hb, b)
	if err := bs.Flush(); err != nil {
		t.Fatal(err)
	}
	again := OpenBodies(path)
	if s, ok := again.Get(hb); !ok || s != b {
		t.Fatalf("after a restart: %q %v", s, ok)
	}
	// a torn tail: the last record half written
	raw, _ := os.ReadFile(path)
	os.WriteFile(path, raw[:len(raw)-5], 0o600)
	torn := OpenBodies(path)
	if _, ok := torn.Get(hb); ok {
		t.Error("a torn record was given out")
	}
	if s, ok := torn.Get(ha); !ok || s != a {
		t.Error("the whole record before a torn one was lost")
	}
	torn.Put(hb, b) // written again after the last whole record
	torn.Flush()
	if s, ok := OpenBodies(path).Get(hb); !ok || s != b {
		t.Errorf("rewritten after a torn tail: %q %v", s, ok)
	}
	// a damaged byte inside a text
	raw, _ = os.ReadFile(path)
	raw[len(bodiesMagic)+recordHead] ^= 0xff
	os.WriteFile(path, raw, 0o600)
	if _, ok := OpenBodies(path).Get(ha); ok {
		t.Error("a damaged text was given out")
	}
}

func TestBodiesCompact(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.text")
	bs := OpenBodies(path)
	big := make([]byte, 1<<20)
	for i := range big {
		big[i] = 'x'
	}
	old := string(big)
	live := "还在的报告。"
	bs.Put(model.TextHash(old), old)
	bs.Put(model.TextHash(live), live)
	bs.Flush()
	if err := bs.Compact([]model.Report{{Hash: model.TextHash(live)}}); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Size() > 1000 {
		t.Errorf("not compacted: %d bytes", st.Size())
	}
	if s, ok := bs.Get(model.TextHash(live)); !ok || s != live {
		t.Errorf("the live text after compaction: %q %v", s, ok)
	}
	if s, ok := OpenBodies(path).Get(model.TextHash(live)); !ok || s != live {
		t.Errorf("the live text after a restart: %q %v", s, ok)
	}
}

// The log's folder may not be there yet: the parse cache makes its own only when it is saved.
func TestBodiesMakesItsFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "not", "yet", "c.text")
	bs := OpenBodies(path)
	bs.Put(model.TextHash("正文"), "正文")
	if err := bs.Flush(); err != nil {
		t.Fatal(err)
	}
	if s, ok := OpenBodies(path).Get(model.TextHash("正文")); !ok || s != "正文" {
		t.Errorf("%q %v", s, ok)
	}
}
