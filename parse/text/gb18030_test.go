package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// FuzzGB18030: the table's reading is the decoder's, whatever the bytes (four-byte characters,
// bytes no character begins, a lead cut at the end).
func FuzzGB18030(f *testing.F) {
	enc := simplifiedchinese.GB18030.NewEncoder()
	for _, s := range []string{"石岗县2024年政府工作报告", "增长6.5%，€ ½ 𠀀字", "Ⅰ、（一）——…“”", "abc"} {
		b, _, _ := transform.Bytes(enc, []byte(s))
		f.Add(b)
	}
	f.Add([]byte{0x81, 0x30, 0x81, 0x30, 0xB0, 0xA1, 0x80, 0xFF, 0xB0})
	f.Add([]byte{0xB0, 0x7F, 0xB0})
	// the seed reports, as a GBK site would serve them
	files, _ := filepath.Glob("../../testdata/seeds/*.txt")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			if g, _, err := transform.Bytes(simplifiedchinese.GB18030.NewEncoder(), b); err == nil {
				f.Add(g)
			}
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		want, _, werr := transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), b)
		got, err := decodeGB18030(b)
		if (err != nil) != (werr != nil) || got != string(want) {
			t.Fatalf("% x: %q (%v), want %q (%v)", b, got, err, want, werr)
		}
	})
}

func BenchmarkGB18030(b *testing.B) {
	enc := simplifiedchinese.GB18030.NewEncoder()
	src, _, _ := transform.Bytes(enc, []byte(strings.Repeat("全年实现地区生产总值23.14亿元、增长2.5%；地方一般公共预算收入0.80亿元。\n", 400)))
	b.Run("table", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			decodeGB18030(src)
		}
	})
	b.Run("x/text", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), src)
		}
	})
}

// TestGBPairs: the table is built (without it every GBK file goes through the decoder and the
// fuzz test above compares the decoder with itself).
func TestGBPairs(t *testing.T) {
	if p := gbPairs(); len(p) != 126*190 {
		t.Fatalf("%d pairs, want %d", len(p), 126*190)
	}
}
